/*
 * relmig apply / status / resolve on postgres: the cases are in test_apply_common.h.
 */
#define APPLY_DB_POSTGRES
#include "test_apply_common.h"

int main(void)
{
    return apply_main();
}
