#pragma once
// Which records sync, and the check of pushed or pulled field values against the same rules the
// desktop's editor and routes apply (crm/*_record.h). Drafts, chats and mail stay on the laptop:
// they are one person's, and the team server is shared.

#include <string>
#include <string_view>

#include "core/error.h"
#include "sync/sync_types.h"

namespace rapport::sync {

bool isSyncedEntity(std::string_view entity);  // "contact", "company"

// ValidationFailed naming `path.<field>` for an unknown field or a value the record would refuse.
Result<void> validateFields(const std::string &entity, const FieldMap &fields, const std::string &path);

} // namespace rapport::sync
