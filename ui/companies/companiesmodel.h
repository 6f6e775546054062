#pragma once
// Companies as a lazily fetched table: Name, Domain, Phone, City, Country, Updated.

#include "shared/pagedjsonmodel.h"

namespace rapport::ui {

class CompaniesModel : public PagedJsonModel {
    Q_OBJECT
public:
    enum ColumnId { Name, Domain, Phone, City, Country, Updated };
    explicit CompaniesModel(GatewayClient &client, QObject *parent = nullptr);
};

} // namespace rapport::ui
