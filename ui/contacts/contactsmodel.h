#pragma once
// Contacts as a lazily fetched table: Name, Company, Email (primary), Phone, Title, Updated.

#include "shared/pagedjsonmodel.h"

namespace rapport::ui {

class ContactsModel : public PagedJsonModel {
    Q_OBJECT
public:
    enum ColumnId { Name, Company, Email, Phone, Title, Updated };
    explicit ContactsModel(GatewayClient &client, QObject *parent = nullptr);

    static QString primaryEmail(const nlohmann::json &contact);
    static QString firstPhone(const nlohmann::json &contact);
};

} // namespace rapport::ui
