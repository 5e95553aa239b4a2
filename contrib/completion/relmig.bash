# bash completion for relmig(1): commands, each command's options, and the values of the
# options that take a fixed set of words, files or folders.
#
# Installed as share/bash-completion/completions/relmig. Works with or without the
# bash-completion package (it only uses COMP_WORDS, COMP_CWORD, compgen and, when present,
# compopt). The option lists below are copied by hand from the option tables in
# src/cli/cmd_*.c; tests/cli/test_cli_docs.c fails when they drift apart.

_relmig_commands="validate graph diff migrate apply status resolve check introspect convert"

# The options of one command, one `case` line per command (the test reads these lines).
_relmig_options()
{
    local opts
    case $1 in
        validate) opts="--json --strict" ;;
        graph) opts="--format -o --output" ;;
        diff) opts="--from --to --from-migrations --to-migrations --shadow-url --dialect --script --json --exit-code -o --output" ;;
        migrate) opts="--name --schema --dir --url --shadow-url --json" ;;
        apply) opts="--url --dir --dry-run --lock-timeout --atomic --json" ;;
        status) opts="--url --dir --json" ;;
        resolve) opts="--url --applied --rolled-back --dir --json" ;;
        check) opts="--url --schema --dir --shadow-url --json" ;;
        introspect) opts="--url --syntax -o --output --schema" ;;
        convert) opts="--to -o --output" ;;
        *) opts="" ;;
    esac
    printf '%s\n' "$opts --help"
}

# Complete file names (with slashes after folders when compopt exists).
_relmig_files()
{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

_relmig_dirs()
{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -d -- "$1")
}

# COMPREPLY = the words of list $1 that start with $2.
_relmig_words()
{
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

_relmig()
{
    COMPREPLY=()
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=""
    if ((COMP_CWORD > 0)); then
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi
    # bash splits "--format=dot" at '=' into "--format" "=" "dot".
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    # The command is the first word after "relmig" that is not an option.
    local cmd="" sub="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *)
                if [[ -z $cmd ]]; then
                    cmd=${COMP_WORDS[i]}
                elif [[ -z $sub ]]; then
                    sub=${COMP_WORDS[i]}
                fi
                ;;
        esac
    done

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            _relmig_words "--help -h --version -V" "$cur"
        else
            _relmig_words "$_relmig_commands help version" "$cur"
        fi
        return 0
    fi

    case $cmd in
        help)
            [[ -z $sub ]] && _relmig_words "$_relmig_commands" "$cur"
            return 0
            ;;
        version) return 0 ;;
    esac

    # Values of the options that take one.
    case $prev in
        --format)
            _relmig_words "json mermaid dot" "$cur"
            return 0
            ;;
        --dialect)
            _relmig_words "postgresql mysql sqlite" "$cur"
            return 0
            ;;
        --syntax | --to)
            if [[ $cmd == diff ]]; then
                _relmig_words "empty" "$cur"
                _relmig_files_add "$cur"
            else
                _relmig_words "prisma cerial" "$cur"
            fi
            return 0
            ;;
        --from)
            _relmig_words "empty" "$cur"
            _relmig_files_add "$cur"
            return 0
            ;;
        --dir)
            _relmig_dirs "$cur"
            return 0
            ;;
        --schema | -o | --output)
            _relmig_files "$cur"
            return 0
            ;;
        --url | --shadow-url)
            _relmig_words "postgresql:// mysql:// sqlite:" "$cur"
            compopt -o nospace 2>/dev/null
            return 0
            ;;
        --name | --applied | --rolled-back | --lock-timeout)
            return 0
            ;;
    esac

    if [[ $cmd == migrate && -z $sub && $cur != -* ]]; then
        _relmig_words "new hash" "$cur"
        return 0
    fi
    if [[ $cur == -* ]]; then
        _relmig_words "$(_relmig_options "$cmd")" "$cur"
        return 0
    fi
    case $cmd in
        validate | graph | convert) _relmig_files "$cur" ;;
    esac
    return 0
}

# Files added to COMPREPLY (diff's --from/--to take "empty" or schema paths).
_relmig_files_add()
{
    local f
    compopt -o filenames 2>/dev/null
    while IFS= read -r f; do
        COMPREPLY+=("$f")
    done < <(compgen -f -- "$1")
}

complete -F _relmig relmig
