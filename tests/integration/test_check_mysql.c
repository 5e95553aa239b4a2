/*
 * relmig check (drift) on mysql: the cases are in test_check_common.h.
 */
#define CHECK_DB_MYSQL
#include "test_check_common.h"

int main(void)
{
    return check_main();
}
