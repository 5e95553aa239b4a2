/* Keeps the support library non-empty before any helper exists. */
typedef int rm_test_support_empty;
