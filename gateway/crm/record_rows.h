#pragma once
// Writing a contact's or company's row: every column, as an INSERT or as an UPDATE that also clears the
// tombstone (insert sets r.seq). Shared by the services (the user's edits) and by pulled records
// (remote_apply.h), so the two can never write different columns.

#include "core/error.h"
#include "crm/company_record.h"
#include "crm/contact_record.h"

namespace rapport {

struct WriteTxn;

Result<void> saveContactRow(WriteTxn &txn, ContactRecord &r, bool insert);
Result<void> saveCompanyRow(WriteTxn &txn, CompanyRecord &r, bool insert);

} // namespace rapport
