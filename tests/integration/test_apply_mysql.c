/*
 * relmig apply / status / resolve on mysql: the cases are in test_apply_common.h.
 */
#define APPLY_DB_MYSQL
#include "test_apply_common.h"

int main(void)
{
    return apply_main();
}
