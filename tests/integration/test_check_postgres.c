/*
 * relmig check (drift) on postgres: the cases are in test_check_common.h.
 */
#define CHECK_DB_POSTGRES
#include "test_check_common.h"

int main(void)
{
    return check_main();
}
