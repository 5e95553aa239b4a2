/*
 * relmig check (drift) on sqlite: the cases are in test_check_common.h.
 */
#define CHECK_DB_SQLITE
#include "test_check_common.h"

int main(void)
{
    return check_main();
}
