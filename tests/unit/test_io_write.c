/*
 * rm_io_write_file (src/io/files.c), the writer behind every `-o FILE` and the migration
 * files: atomic for regular files (temporary file + rename) without replacing what is not a
 * regular file. One case per kind of target: a new file, an existing file whose permission
 * bits must survive, a symbolic link (followed: the link stays a link), a FIFO (written in
 * place, still a FIFO afterwards: the same path as /dev/null or /dev/stdout, which the rename
 * once replaced with a regular file when run as root), and a directory (an error, E0002).
 */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "io/files.h"
#include "testutil.h"
#include "util/diag.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *dir;

static char *path_in(const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static int write_text(const char *path, const char *text)
{
    rm_diags d;
    rm_diags_init(&d);
    int rc = rm_io_write_file(path, text, strlen(text), &d);
    if (rc != RM_OK)
        assert_true(d.nerrors > 0 && d.items[0]->id == RM_E_IO_WRITE);
    rm_diags_free(&d);
    return rc;
}

static void assert_file_text(const char *path, const char *want)
{
    char *got = rm_test_read_file(path, NULL);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void new_file(void **state)
{
    (void)state;
    char *p = path_in("new.sql");
    assert_int_equal(write_text(p, "CREATE TABLE a (x int);\n"), RM_OK);
    assert_file_text(p, "CREATE TABLE a (x int);\n");
    free(p);
}

static void existing_file_keeps_mode(void **state)
{
    (void)state;
    char *p = path_in("kept.sql");
    assert_true(rm_test_write_file(p, "old", 3));
    assert_int_equal(chmod(p, 0640), 0);
    assert_int_equal(write_text(p, "new"), RM_OK);
    assert_file_text(p, "new");
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    free(p);
}

static void symlink_followed(void **state)
{
    (void)state;
    char *target = path_in("target.sql"), *link = path_in("link.sql");
    assert_true(rm_test_write_file(target, "old", 3));
    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(write_text(link, "through the link"), RM_OK);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_file_text(target, "through the link");
    free(target);
    free(link);
}

static void fifo_written_in_place(void **state)
{
    (void)state;
    char *p = path_in("pipe");
    assert_int_equal(mkfifo(p, 0600), 0);
    /* A reader first (non-blocking open succeeds without a writer), so the writer's open does
     * not block; the text fits the pipe's buffer. */
    int rfd = open(p, O_RDONLY | O_NONBLOCK);
    assert_true(rfd >= 0);
    assert_int_equal(write_text(p, "into the pipe"), RM_OK);
    char buf[64] = {0};
    ssize_t n = read(rfd, buf, sizeof buf - 1);
    close(rfd);
    assert_int_equal(n, (ssize_t)strlen("into the pipe"));
    assert_string_equal(buf, "into the pipe");
    struct stat st;
    assert_int_equal(lstat(p, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    free(p);
}

static void directory_is_an_error(void **state)
{
    (void)state;
    char *p = path_in("adir");
    assert_int_equal(mkdir(p, 0700), 0);
    assert_int_equal(write_text(p, "x"), RM_EIO);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    free(p);
}

int main(void)
{
    dir = rm_test_mkdtemp();
    if (!dir)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_file),
        cmocka_unit_test(existing_file_keeps_mode),
        cmocka_unit_test(symlink_followed),
        cmocka_unit_test(fifo_written_in_place),
        cmocka_unit_test(directory_is_an_error),
    };
    int rc = cmocka_run_group_tests_name("io_write", tests, NULL, NULL);
    rm_test_rmtree(dir);
    free(dir);
    return rc;
}
