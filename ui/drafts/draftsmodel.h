#pragma once
// Local email drafts as a lazily fetched table, most recently changed first: Subject, To, Status, Updated.

#include "shared/pagedjsonmodel.h"

namespace rapport::ui {

class DraftsModel : public PagedJsonModel {
    Q_OBJECT
public:
    explicit DraftsModel(GatewayClient &client, QObject *parent = nullptr);
    static QString subjectOf(const nlohmann::json &draft);  // "(no subject)" when empty
};

} // namespace rapport::ui
