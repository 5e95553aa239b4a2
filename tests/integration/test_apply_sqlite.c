/*
 * relmig apply / status / resolve on sqlite: the cases are in test_apply_common.h.
 */
#define APPLY_DB_SQLITE
#include "test_apply_common.h"

int main(void)
{
    return apply_main();
}
