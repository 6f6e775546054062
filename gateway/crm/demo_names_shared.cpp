// Demo vocabularies shared by every country: English titles and notes, tags, the sales team.

#include "crm/demo_names.h"

namespace rapport::demo {
namespace {

constexpr std::string_view kTitles[] = {"Head of Sales", "CTO", "CEO", "CFO", "VP Marketing",
    "Procurement Manager", "Account Executive", "Office Manager", "Software Engineer", "Operations Director",
    "Product Manager", "Head of IT", "Purchasing Lead", "Customer Success Manager", "Founder",
    "Managing Director", "Sales Engineer", "Finance Director", "Chief of Staff", "Data Analyst",
    "Buyer", "Logistics Coordinator", "HR Business Partner", "Solutions Architect"};

constexpr std::string_view kNotes[] = {"Asked for a demo of the reporting module.", "Prefers email over calls.",
    "Budget approved for next quarter.", "Follow up after the trade show.", "Evaluating two competitors.",
    "Needs a quote for 25 seats.", "Decision expected by end of month.", "Introduced by a mutual partner.",
    "Interested in the API and SSO.", "Renewal due in the spring.", "Out of office until the 15th.",
    "Wants on-site training for the team.", "Price sensitive; mention the annual discount.",
    "Reads every newsletter, never answers the phone."};

constexpr std::string_view kEmojiNotes[] = {"Signed the renewal 🎉", "Big coffee fan ☕ — bring beans next visit",
    "Loves the new dashboard 😍", "Sent a holiday card 🎄", "Keen cyclist 🚴, ask about the race",
    "Champion inside the account ⭐", "Contract in legal review 📝", "Moving offices next month 📦"};

constexpr std::string_view kContactTags[] = {"customer", "lead", "prospect", "partner", "vip", "churn-risk",
    "newsletter", "trade-show", "referral", "decision-maker", "renewal", "beta-tester", "reseller", "⭐ vip",
    "🔥 hot"};

constexpr std::string_view kCompanyTags[] = {"customer", "prospect", "partner", "supplier", "enterprise", "smb",
    "reseller", "public-sector"};

constexpr std::string_view kReps[] = {"Anna Berg", "Marco Rossi", "Sophie Laurent", "David Okafor",
    "Yuki Tanaka", "Lena Schmidt"};

} // namespace

Words englishTitles() { return kTitles; }
Words englishNotes() { return kNotes; }
Words emojiNotes() { return kEmojiNotes; }
// The two emoji tags are the last two entries; demo_data.cpp draws them rarely on purpose.
Words contactTags() { return kContactTags; }
Words companyTags() { return kCompanyTags; }
Words salesReps() { return kReps; }

} // namespace rapport::demo
