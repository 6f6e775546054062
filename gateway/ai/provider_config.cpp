#include "ai/provider_config.h"

#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace rapport::ai {

QUrl ProviderConfig::chatCompletionsUrl() const
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/chat/completions"_s);
    return url;
}

ProviderConfig ProviderConfig::withEnvironment(ProviderConfig base)
{
    const QString url = qEnvironmentVariable("RAPPORT_AI_BASE_URL");
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (parsed.isValid() && !parsed.scheme().isEmpty() && !parsed.host().isEmpty())
            base.baseUrl = parsed;
    }
    if (const QString model = qEnvironmentVariable("RAPPORT_AI_MODEL"); !model.isEmpty())
        base.model = model;
    if (const QString key = qEnvironmentVariable("RAPPORT_AI_API_KEY"); !key.isEmpty())
        base.apiKey = key;
    return base;
}

} // namespace rapport::ai
