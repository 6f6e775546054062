#include "settings/aiproviderbox.h"

#include <cmath>

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "shared/formbuilder.h"
#include "shared/gatewayclient.h"
#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

AiProviderBox::AiProviderBox(GatewayClient &client, QWidget *parent)
    : QGroupBox(tr("AI provider"), parent), m_client(client)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Rapport works with any OpenAI-compatible service: Fireworks AI, OpenAI, or a "
                                "server on your own computer (llama.cpp, Ollama's /v1, vLLM) for drafting "
                                "without a network."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    FormBuilder builder(form, m_errors);
    m_baseUrl = builder.addLine(tr("Base URL"), u"base_url"_s, u"https://api.fireworks.ai/inference/v1"_s);
    m_baseUrl->setObjectName(u"baseUrl"_s);
    m_model = builder.addLine(tr("Model"), u"model"_s, tr("Model id, e.g. accounts/fireworks/models/…"));
    m_model->setObjectName(u"model"_s);
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_temperature->setToolTip(tr("Lower is more predictable, higher more varied."));
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(1, 32768);
    m_maxTokens->setSingleStep(256);
    m_maxTokens->setToolTip(tr("The longest answer the model may write, in tokens (about ¾ of a word each)."));
    for (QAbstractSpinBox *spin : {static_cast<QAbstractSpinBox *>(m_temperature),
                                   static_cast<QAbstractSpinBox *>(m_maxTokens)})
        spin->setMaximumWidth(spin->fontMetrics().horizontalAdvance(u"000000000"_s) + 40);  // numbers, not lines
    builder.addRow(tr("Temperature"), {{u"temperature"_s, m_temperature}});
    builder.addRow(tr("Max tokens"), {{u"max_tokens"_s, m_maxTokens}});
    layout->addLayout(form);

    m_environment = new QLabel(this);
    m_environment->setWordWrap(true);
    m_environment->hide();
    layout->addWidget(m_environment);

    auto *buttons = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(u"providerStatus"_s);
    auto *general = FieldErrors::makeLabel(QString(), this);  // errors without a field of their own
    m_errors.setGeneral(general);
    layout->addWidget(general);
    buttons->addWidget(m_status, 1);
    m_defaultsButton = new QPushButton(tr("Restore Defaults"), this);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(u"saveProvider"_s);
    m_save->setEnabled(false);
    buttons->addWidget(m_defaultsButton);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &AiProviderBox::save);
    connect(m_defaultsButton, &QPushButton::clicked, this, &AiProviderBox::restoreDefaults);
    for (QLineEdit *edit : {m_baseUrl, m_model})
        connect(edit, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, [this] { setDirty(true); });
    connect(m_maxTokens, &QSpinBox::valueChanged, this, [this] { setDirty(true); });
    for (QLineEdit *edit : {m_baseUrl, m_model})
        connect(edit, &QLineEdit::returnPressed, this, &AiProviderBox::save);
    reload();
}

void AiProviderBox::reload()
{
    m_client.call(Method::Get, "/ai/settings", this, [this](const Response &r) {
        if (!r.isSuccess()) {
            m_errors.showResponse(r.body);
            return;
        }
        show(r.body);
    });
}

void AiProviderBox::show(const nlohmann::json &s)
{
    m_loaded = s;
    m_defaults = s.value("defaults", nlohmann::json::object());
    m_filling = true;  // programmatic changes are not edits
    m_baseUrl->setText(jsonString(s, "base_url"));
    m_model->setText(jsonString(s, "model"));
    m_temperature->setValue(s.value("temperature", 0.7));
    m_maxTokens->setValue(s.value("max_tokens", 1024));
    m_filling = false;
    QStringList overridden;
    for (const auto &name : s.value("overridden_by_environment", nlohmann::json::array()))
        if (name.is_string())
            overridden << QString::fromStdString(name.get<std::string>());
    m_environment->setText(tr("Set by the environment for this run, not saved: %1").arg(overridden.join(u", "_s)));
    m_environment->setVisible(!overridden.isEmpty());
    setDirty(false);
    emit loaded(s);
}

nlohmann::json AiProviderBox::edits() const
{
    // Send what differs from what was loaded: an environment override shown in a field is not saved
    // unless the user changed that field.
    nlohmann::json patch = nlohmann::json::object();
    const auto text = [](const QLineEdit *e) { return e->text().trimmed().toStdString(); };
    if (text(m_baseUrl) != m_loaded.value("base_url", std::string()))
        patch["base_url"] = text(m_baseUrl);
    if (text(m_model) != m_loaded.value("model", std::string()))
        patch["model"] = text(m_model);
    if (std::abs(m_temperature->value() - m_loaded.value("temperature", 0.7)) > 1e-9)
        patch["temperature"] = m_temperature->value();
    if (m_maxTokens->value() != m_loaded.value("max_tokens", 1024))
        patch["max_tokens"] = m_maxTokens->value();
    return patch;
}

void AiProviderBox::save()
{
    m_errors.clear();
    const nlohmann::json patch = edits();
    if (patch.empty()) {
        setDirty(false);
        return;
    }
    m_save->setEnabled(false);
    m_client.call(Method::Patch, "/ai/settings", patch, this, [this](const Response &r) {
        if (!r.isSuccess()) {
            m_errors.showResponse(r.body);
            m_save->setEnabled(true);
            return;
        }
        show(r.body);
        m_status->setText(tr("Saved."));
        emit saved();
    });
}

void AiProviderBox::restoreDefaults()
{
    m_baseUrl->setText(jsonString(m_defaults, "base_url"));
    m_model->setText(jsonString(m_defaults, "model"));
    m_temperature->setValue(m_defaults.value("temperature", 0.7));
    m_maxTokens->setValue(m_defaults.value("max_tokens", 1024));
    setDirty(true);
}

void AiProviderBox::setDirty(bool dirty)
{
    if (m_filling)
        return;
    m_dirty = dirty;
    m_save->setEnabled(dirty);
    if (dirty)
        m_status->clear();
}

} // namespace rapport::ui
