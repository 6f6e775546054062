#pragma once

#include <random>

#include <QString>

namespace rapport {
class Gateway;
}

namespace rapport::bench {

struct Plan {
    Gateway &gateway;
    bool quick;
    std::mt19937_64 rng;
};

bool routeGetContact(Plan &plan);      // BENCH route_get_contact
bool routeSearchContacts(Plan &plan);  // BENCH route_search_contacts
bool routePatchContact(Plan &plan);    // BENCH route_patch_contact
bool startup(const QString &profileDir, int runs);  // BENCH startup (runs the real `rapport` binary)

} // namespace rapport::bench
