#include "ai/provider_settings.h"

#include <cmath>

#include "crm/fields.h"
#include "store/settings_kv.h"
#include "store/store.h"

using namespace Qt::StringLiterals;

namespace rapport::ai {

namespace {

constexpr const char *kSettingsKey = "ai.provider";
constexpr int kMaxTokensLimit = 32768;

// Saved JSON (only the keys the user changed) applied over the defaults.
ProviderConfig applySaved(ProviderConfig c, const nlohmann::json &saved)
{
    if (auto it = saved.find("base_url"); it != saved.end() && it->is_string())
        c.baseUrl = QUrl(qs(it->get_ref<const std::string &>()));
    if (auto it = saved.find("model"); it != saved.end() && it->is_string())
        c.model = qs(it->get_ref<const std::string &>());
    if (auto it = saved.find("temperature"); it != saved.end() && it->is_number())
        c.temperature = it->get<double>();
    if (auto it = saved.find("max_tokens"); it != saved.end() && it->is_number_integer())
        c.maxTokens = it->get<int>();
    return c;
}

nlohmann::json configJson(const ProviderConfig &c)
{
    return {{"base_url", c.baseUrl.toString().toStdString()}, {"model", c.model.toStdString()},
            {"temperature", c.temperature}, {"max_tokens", c.maxTokens}};
}

Result<nlohmann::json> loadSaved(Store &store)
{
    return readSetting(store, kSettingsKey);
}

// Validates a PATCH into `saved`; null removes the key (back to the default).
std::vector<FieldError> mergePatch(nlohmann::json &saved, const nlohmann::json &patch)
{
    std::vector<FieldError> errors;
    FieldReader in(patch);
    in.allowOnly({"base_url", "model", "temperature", "max_tokens"},
                 {"api_key_set", "api_key_source", "overridden_by_environment", "defaults"});
    auto setOrErase = [&](const char *key, nlohmann::json value) {
        if (value.is_null())
            saved.erase(key);
        else
            saved[key] = std::move(value);
    };
    if (in.has("base_url")) {
        if (const auto url = in.text("base_url", 2000); url && !url->empty()) {
            const QUrl parsed(qs(*url), QUrl::StrictMode);
            const bool http = parsed.scheme() == u"https"_s || parsed.scheme() == u"http"_s;
            if (!parsed.isValid() || !http || parsed.host().isEmpty())
                in.fail("base_url", "Enter an http:// or https:// address, such as https://api.fireworks.ai/inference/v1");
            else
                setOrErase("base_url", *url);
        } else if (url) {
            setOrErase("base_url", nullptr);
        }
    }
    if (in.has("model")) {
        if (const auto model = in.text("model", 200); model && !model->empty())
            setOrErase("model", *model);
        else if (model)
            setOrErase("model", nullptr);
    }
    if (auto it = patch.find("temperature"); it != patch.end()) {
        if (it->is_null())
            setOrErase("temperature", nullptr);
        else if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < 0 || it->get<double>() > 2)
            in.fail("temperature", "Temperature is a number from 0 to 2");
        else
            setOrErase("temperature", it->get<double>());
    }
    if (auto it = patch.find("max_tokens"); it != patch.end()) {
        if (it->is_null())
            setOrErase("max_tokens", nullptr);
        else if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > kMaxTokensLimit)
            in.fail("max_tokens", "Max tokens is a whole number from 1 to 32768");
        else
            setOrErase("max_tokens", it->get<int>());
    }
    return in.errors();
}

} // namespace

const char *keySourceName(KeySource source)
{
    switch (source) {
    case KeySource::None: return "none";
    case KeySource::Keychain: return "keychain";
    case KeySource::Session: return "session";
    case KeySource::Environment: return "environment";
    }
    return "none";
}

ProviderSettings::ProviderSettings(Store &store, ProviderConfig defaults)
    : m_store(store), m_defaults(std::move(defaults)), m_saved(m_defaults)
{
    if (auto saved = loadSaved(store); saved)
        m_saved = applySaved(m_defaults, *saved);
    else
        qWarning("AI settings not read, using defaults: %s", saved.error().message.c_str());
}

ProviderConfig ProviderSettings::current() const
{
    std::lock_guard lock(m_mutex);
    ProviderConfig c = m_saved;
    c.apiKey = m_key;
    return ProviderConfig::withEnvironment(std::move(c));
}

Result<ProviderConfig> ProviderSettings::usable() const
{
    ProviderConfig c = current();
    if (c.apiKey.isEmpty() && c.baseUrl == ProviderConfig().baseUrl)
        return Error::make(ErrorCode::BadRequest,
                           "No AI API key is set. Add one in Settings, or set RAPPORT_AI_API_KEY.", "api_key");
    return c;
}

KeySource ProviderSettings::apiKeySource() const
{
    if (!qEnvironmentVariable("RAPPORT_AI_API_KEY").isEmpty())
        return KeySource::Environment;
    std::lock_guard lock(m_mutex);
    return m_keySource;
}

nlohmann::json ProviderSettings::toJson() const
{
    const ProviderConfig c = current();
    const KeySource source = apiKeySource();
    nlohmann::json out = configJson(c);
    out["api_key_set"] = source != KeySource::None;
    out["api_key_source"] = keySourceName(source);
    nlohmann::json overridden = nlohmann::json::array();
    for (const char *name : {"RAPPORT_AI_BASE_URL", "RAPPORT_AI_MODEL", "RAPPORT_AI_API_KEY"})
        if (!qEnvironmentVariable(name).isEmpty())
            overridden.push_back(name);
    out["overridden_by_environment"] = std::move(overridden);
    out["defaults"] = configJson(m_defaults);
    return out;
}

Result<nlohmann::json> ProviderSettings::update(const nlohmann::json &patch)
{
    if (!patch.is_object())
        return Error::make(ErrorCode::InvalidJson, "The body must be a JSON object");
    auto saved = loadSaved(m_store);
    if (!saved)
        return std::move(saved).error();
    if (auto errors = mergePatch(*saved, patch); !errors.empty())
        return Error::validation(std::move(errors));
    if (auto written = writeSetting(m_store, kSettingsKey, *saved); !written)
        return std::move(written).error();
    {
        std::lock_guard lock(m_mutex);
        m_saved = applySaved(m_defaults, *saved);
    }
    return toJson();
}

void ProviderSettings::setApiKey(const QString &key, KeySource source)
{
    std::lock_guard lock(m_mutex);
    m_key = key.trimmed();
    m_keySource = m_key.isEmpty() ? KeySource::None : source;
}

} // namespace rapport::ai
