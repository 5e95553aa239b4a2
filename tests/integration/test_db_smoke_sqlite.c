/*
 * Driver smoke test against SQLite; the cases live in db_smoke.h (shared by the three
 * databases so each gets its own ctest result).
 */
#define SMOKE_DB_SQLITE 1
#include "db_smoke.h"

int main(void)
{
    return smoke_main();
}
