/*
 * Driver smoke test against MySQL/MariaDB; the cases live in db_smoke.h (shared by the three
 * databases so each gets its own ctest result).
 */
#define SMOKE_DB_MYSQL 1
#include "db_smoke.h"

int main(void)
{
    return smoke_main();
}
