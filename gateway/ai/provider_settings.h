#pragma once
// The AI provider the user chose (base URL, model, temperature, max tokens), kept in the profile's
// database, plus the API key, kept here in memory only. The key arrives from the keychain (read by the
// app or rapportctl through a SecretStore), from "this session only" in Settings, or from the
// environment; it is never written to the database, and toJson() only says whether one is set.
//
// Environment overrides (RAPPORT_AI_BASE_URL, RAPPORT_AI_MODEL, RAPPORT_AI_API_KEY) win over saved
// values and are never persisted. Thread-safe: routes read current() on any thread.

#include <mutex>

#include <QString>

#include <nlohmann/json.hpp>

#include "ai/provider_config.h"
#include "core/error.h"

namespace rapport {
class Store;
}

namespace rapport::ai {

enum class KeySource { None, Keychain, Session, Environment };
const char *keySourceName(KeySource source);

// The SecretStore key under which the API key is kept (per profile, see secretNamespaceForProfile).
inline constexpr const char *kApiKeySecret = "ai/api_key";

class ProviderSettings {
public:
    // Loads the saved settings; a missing or unreadable row leaves the defaults.
    explicit ProviderSettings(Store &store, ProviderConfig defaults = {});

    // Saved settings, the key, then the environment on top.
    ProviderConfig current() const;
    // Fails with BadRequest (field "api_key") when no key is set and the endpoint is the default
    // hosted one; a custom endpoint (a local llama.cpp or Ollama) may need no key.
    Result<ProviderConfig> usable() const;

    // {"base_url","model","temperature","max_tokens","api_key_set","api_key_source",
    //  "overridden_by_environment":["base_url",...],"defaults":{...}}
    nlohmann::json toJson() const;
    // PATCH: any of base_url, model, temperature (0..2), max_tokens (1..32768); null restores the default.
    // Validated as a whole, persisted in one transaction, then applied.
    Result<nlohmann::json> update(const nlohmann::json &patch);

    void setApiKey(const QString &key, KeySource source);  // an empty key clears it
    KeySource apiKeySource() const;

private:
    Store &m_store;
    const ProviderConfig m_defaults;
    mutable std::mutex m_mutex;
    ProviderConfig m_saved;  // defaults with the saved values applied; apiKey unused
    QString m_key;
    KeySource m_keySource = KeySource::None;
};

} // namespace rapport::ai
