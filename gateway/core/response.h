#pragma once

#include <memory>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/stream.h"

namespace rapport {

struct Response {
    int status = 200;
    nlohmann::json body;             // JSON object or array; for errors Error::toJson()
    std::shared_ptr<Stream> stream;  // set for streaming routes (status 200, body empty)

    static Response json(int status, nlohmann::json body) { return {status, std::move(body), nullptr}; }
    static Response ok(nlohmann::json body) { return json(200, std::move(body)); }
    static Response created(nlohmann::json body) { return json(201, std::move(body)); }
    static Response fromError(const Error &error) { return {error.status(), error.toJson(), nullptr}; }
    static Response streaming(std::shared_ptr<Stream> s) { return {200, nlohmann::json(), std::move(s)}; }

    bool isSuccess() const { return status >= 200 && status < 300; }
    bool isStream() const { return stream != nullptr; }
};

} // namespace rapport
