/*
 * Copyright (c) 2026 The huddle authors
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */


#include <sys/types.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"

/*
 * Shell integration: the bash and zsh that huddle starts get startup files
 * that read the user's own and then mark prompts and commands with OSC 133
 * sequences carrying the session's secret (see queue.c). The secret reaches
 * the shell in a file of its own, named by HUDDLE_SHELL_SECRET_FILE, which
 * the startup files read into an unexported variable and remove at once: it
 * is never in the environment of the shell or its children.
 *
 * The startup files are the same for every session; they are written once
 * into a private directory (mkdtemp, 0700) removed when the server exits.
 */

static const char shell_bash[] =
    "# huddle's shell integration for bash, read through --init-file in place of\n"
    "# ~/.bashrc. It reads the files a login shell reads, then marks prompts and\n"
    "# commands with OSC 133 sequences carrying the session's secret. Written by\n"
    "# the huddle server; see huddle(1), SHELL INTEGRATION.\n"
    "__huddle_secret=\n"
    "if [ -n \"${HUDDLE_SHELL_SECRET_FILE-}\" ]; then\n"
    "\tIFS= read -r __huddle_secret <\"$HUDDLE_SHELL_SECRET_FILE\"\n"
    "\tcommand rm -f -- \"$HUDDLE_SHELL_SECRET_FILE\"\n"
    "fi\n"
    "unset HUDDLE_SHELL_SECRET_FILE\n"
    "if [ -r /etc/profile ]; then . /etc/profile; fi\n"
    "if [ -r ~/.bash_profile ]; then . ~/.bash_profile\n"
    "elif [ -r ~/.bash_login ]; then . ~/.bash_login\n"
    "elif [ -r ~/.profile ]; then . ~/.profile\n"
    "fi\n"
    "if [ -n \"$__huddle_secret\" ] && [ -z \"${__huddle_a-}\" ]; then\n"
    "\t__huddle_a=$'\\e]133;A;huddle='$__huddle_secret$'\\a'\n"
    "\t__huddle_b=$'\\e]133;B;huddle='$__huddle_secret$'\\a'\n"
    "\t__huddle_c=$'\\e]133;C;huddle='$__huddle_secret$'\\a'\n"
    "\t__huddle_p=$'\\e]133;P;k=s;huddle='$__huddle_secret$'\\a'\n"
    "\t__huddle_precmd() {\n"
    "\t\tlocal s=$?\n"
    "\t\tbuiltin printf '\\e]133;D;%s;huddle=%s\\a' \"$s\" \"$__huddle_secret\"\n"
    "\t\treturn $s\n"
    "\t}\n"
    "\t__huddle_prompt() {\n"
    "\t\tlocal s=$?\n"
    "\t\tcase $PS1 in\n"
    "\t\t*\"$__huddle_b\"*) ;;\n"
    "\t\t*) PS1=\"\\[$__huddle_a\\]$PS1\\[$__huddle_b\\]\" ;;\n"
    "\t\tesac\n"
    "\t\tcase ${PS2-} in\n"
    "\t\t*\"$__huddle_p\"*) ;;\n"
    "\t\t*) PS2=\"\\[$__huddle_p\\]${PS2-}\" ;;\n"
    "\t\tesac\n"
    "\t\tcase ${PS0-} in\n"
    "\t\t*\"$__huddle_c\"*) ;;\n"
    "\t\t*) PS0=\"${PS0-}$__huddle_c\" ;;\n"
    "\t\tesac\n"
    "\t\treturn $s\n"
    "\t}\n"
    "\tif [[ \"$(declare -p PROMPT_COMMAND 2>/dev/null)\" == \"declare -a\"* ]]; then\n"
    "\t\tPROMPT_COMMAND=(__huddle_precmd \"${PROMPT_COMMAND[@]}\" __huddle_prompt)\n"
    "\telse\n"
    "\t\tPROMPT_COMMAND=$'__huddle_precmd\\n'\"${PROMPT_COMMAND-}\"$'\\n__huddle_prompt'\n"
    "\tfi\n"
    "fi\n";

static const char shell_zshenv[] =
    "# huddle's shell integration for zsh: ZDOTDIR points here so that these\n"
    "# files can wrap the user's own, which are read from the user's ZDOTDIR.\n"
    "# Written by the huddle server; see huddle(1), SHELL INTEGRATION.\n"
    "typeset -g __huddle_dir=\"$ZDOTDIR\" __huddle_secret=\n"
    "if [[ -n \"${HUDDLE_SHELL_SECRET_FILE-}\" ]]; then\n"
    "\tIFS= read -r __huddle_secret <\"$HUDDLE_SHELL_SECRET_FILE\"\n"
    "\tcommand rm -f -- \"$HUDDLE_SHELL_SECRET_FILE\"\n"
    "fi\n"
    "if (( ${+HUDDLE_ZDOTDIR} )); then\n"
    "\ttypeset -g __huddle_zset=1 __huddle_zdir=\"$HUDDLE_ZDOTDIR\"\n"
    "else\n"
    "\ttypeset -g __huddle_zset=0 __huddle_zdir=\n"
    "fi\n"
    "unset HUDDLE_SHELL_SECRET_FILE HUDDLE_ZDOTDIR\n"
    "if (( __huddle_zset )); then ZDOTDIR=\"$__huddle_zdir\"; else unset ZDOTDIR; fi\n"
    "[[ -r \"${ZDOTDIR:-$HOME}/.zshenv\" ]] && builtin source \"${ZDOTDIR:-$HOME}/.zshenv\"\n"
    "if (( ${+ZDOTDIR} )); then __huddle_zset=1 __huddle_zdir=\"$ZDOTDIR\"; else __huddle_zset=0; fi\n"
    "if [[ -o interactive && -n \"$__huddle_secret\" ]]; then ZDOTDIR=\"$__huddle_dir\"; fi\n";

static const char shell_zprofile[] =
    "# huddle: read the user's .zprofile from the user's ZDOTDIR.\n"
    "if (( __huddle_zset )); then ZDOTDIR=\"$__huddle_zdir\"; else unset ZDOTDIR; fi\n"
    "[[ -r \"${ZDOTDIR:-$HOME}/.zprofile\" ]] && builtin source \"${ZDOTDIR:-$HOME}/.zprofile\"\n"
    "if (( ${+ZDOTDIR} )); then __huddle_zset=1 __huddle_zdir=\"$ZDOTDIR\"; else __huddle_zset=0; fi\n"
    "ZDOTDIR=\"$__huddle_dir\"\n";

static const char shell_zshrc[] =
    "# huddle: read the user's .zshrc, then mark prompts and commands with OSC 133\n"
    "# sequences carrying the session's secret.\n"
    "if (( __huddle_zset )); then ZDOTDIR=\"$__huddle_zdir\"; else unset ZDOTDIR; fi\n"
    "[[ -r \"${ZDOTDIR:-$HOME}/.zshrc\" ]] && builtin source \"${ZDOTDIR:-$HOME}/.zshrc\"\n"
    "if (( ${+ZDOTDIR} )); then __huddle_zset=1 __huddle_zdir=\"$ZDOTDIR\"; else __huddle_zset=0; fi\n"
    "if [[ -n \"$__huddle_secret\" && -z \"${__huddle_a-}\" ]]; then\n"
    "\ttypeset -g __huddle_a=$'\\e]133;A;huddle='\"$__huddle_secret\"$'\\a'\n"
    "\ttypeset -g __huddle_b=$'\\e]133;B;huddle='\"$__huddle_secret\"$'\\a'\n"
    "\ttypeset -g __huddle_c=$'\\e]133;C;huddle='\"$__huddle_secret\"$'\\a'\n"
    "\ttypeset -g __huddle_p=$'\\e]133;P;k=s;huddle='\"$__huddle_secret\"$'\\a'\n"
    "\t__huddle_precmd() {\n"
    "\t\tlocal s=$?\n"
    "\t\tbuiltin print -rn -- $'\\e]133;D;'\"$s;huddle=$__huddle_secret\"$'\\a'\n"
    "\t\tprecmd_functions=(__huddle_precmd\n"
    "\t\t    ${${precmd_functions:#__huddle_precmd}:#__huddle_prompt}\n"
    "\t\t    __huddle_prompt)\n"
    "\t\tpreexec_functions=(${preexec_functions:#__huddle_preexec}\n"
    "\t\t    __huddle_preexec)\n"
    "\t\treturn $s\n"
    "\t}\n"
    "\t__huddle_prompt() {\n"
    "\t\t[[ $PS1 == *\"$__huddle_b\"* ]] || PS1=\"%{$__huddle_a%}$PS1%{$__huddle_b%}\"\n"
    "\t\t[[ $PS2 == *\"$__huddle_p\"* ]] || PS2=\"%{$__huddle_p%}$PS2\"\n"
    "\t}\n"
    "\t__huddle_preexec() {\n"
    "\t\tbuiltin print -rn -- \"$__huddle_c\"\n"
    "\t}\n"
    "\tprecmd_functions=(__huddle_precmd ${precmd_functions[@]} __huddle_prompt)\n"
    "\tpreexec_functions=(${preexec_functions[@]} __huddle_preexec)\n"
    "fi\n"
    "if [[ -o login ]]; then\n"
    "\tZDOTDIR=\"$__huddle_dir\"\n"
    "else\n"
    "\tif (( __huddle_zset )); then ZDOTDIR=\"$__huddle_zdir\"; else unset ZDOTDIR; fi\n"
    "\tunset __huddle_dir __huddle_zdir __huddle_zset\n"
    "fi\n";

static const char shell_zlogin[] =
    "# huddle: read the user's .zlogin, and leave ZDOTDIR as the user had it.\n"
    "if (( __huddle_zset )); then ZDOTDIR=\"$__huddle_zdir\"; else unset ZDOTDIR; fi\n"
    "[[ -r \"${ZDOTDIR:-$HOME}/.zlogin\" ]] && builtin source \"${ZDOTDIR:-$HOME}/.zlogin\"\n"
    "unset __huddle_dir __huddle_zdir __huddle_zset\n";

static const struct {
	const char	*name;
	const char	*text;
} shell_files[] = {
	{ "bash.sh", shell_bash },
	{ "zsh/.zshenv", shell_zshenv },
	{ "zsh/.zprofile", shell_zprofile },
	{ "zsh/.zshrc", shell_zshrc },
	{ "zsh/.zlogin", shell_zlogin },
};

static char	*shell_dir;

/* Make a session's secret: 32 hex digits. */
int
shell_secret(char *out, size_t len)
{
	u_char	buf[16];
	size_t	i;
	int	fd;
	ssize_t	n = -1;

	if (len < 2 * sizeof buf + 1)
		return (-1);
	if (getentropy(buf, sizeof buf) != 0) {
		if ((fd = open("/dev/urandom", O_RDONLY|O_CLOEXEC)) != -1) {
			n = read(fd, buf, sizeof buf);
			close(fd);
		}
		if (n != (ssize_t)sizeof buf) {
			*out = '\0';
			return (-1);
		}
	}
	for (i = 0; i < sizeof buf; i++)
		snprintf(out + 2 * i, 3, "%02x", buf[i]);
	return (0);
}

/* Write one file of the integration. */
static int
shell_write(const char *dir, const char *name, const char *text)
{
	char	*path;
	int	 fd;
	size_t	 len = strlen(text);
	ssize_t	 n;

	xasprintf(&path, "%s/%s", dir, name);
	fd = open(path, O_WRONLY|O_CREAT|O_TRUNC|O_NOFOLLOW|O_CLOEXEC, 0600);
	free(path);
	if (fd == -1)
		return (-1);
	n = write(fd, text, len);
	close(fd);
	return (n == (ssize_t)len ? 0 : -1);
}

/* Remove the files in a directory (not below), then the directory. */
static void
shell_remove_dir(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	char		*path;

	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0 ||
			    strcmp(de->d_name, "zsh") == 0)
				continue;
			xasprintf(&path, "%s/%s", dir, de->d_name);
			unlink(path);
			free(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* Remove the files (and any secret not yet taken) and their directory. */
void
shell_cleanup(void)
{
	char	*path;

	if (shell_dir == NULL)
		return;
	xasprintf(&path, "%s/zsh", shell_dir);
	shell_remove_dir(path);
	free(path);
	shell_remove_dir(shell_dir);
	free(shell_dir);
	shell_dir = NULL;
}

/* Write the secret for one shell into a new file; its path, or NULL. */
static char *
shell_secret_file(const char *dir, const char *secret)
{
	char	*path;
	int	 fd;
	size_t	 len = strlen(secret);

	xasprintf(&path, "%s/secret.XXXXXX", dir);
	if ((fd = mkstemp(path)) == -1) {
		free(path);
		return (NULL);
	}
	if (write(fd, secret, len) != (ssize_t)len ||
	    write(fd, "\n", 1) != 1) {
		close(fd);
		unlink(path);
		free(path);
		return (NULL);
	}
	close(fd);
	return (path);
}

/* The directory with the files, written if need be; NULL on failure. */
static const char *
shell_files_dir(void)
{
	const char	*tmp;
	char		*path, *dir;
	struct stat	 sb;
	size_t		 i;

	if (shell_dir != NULL) {
		xasprintf(&path, "%s/zsh/.zlogin", shell_dir);
		i = (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode));
		free(path);
		if (i)
			return (shell_dir);
		shell_cleanup();	/* removed under us: start again */
	}
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp != '/')
		tmp = "/tmp";
	xasprintf(&dir, "%s/huddle-%ld-shell-XXXXXX", tmp, (long)getuid());
	if (mkdtemp(dir) == NULL) {
		log_debug("shell integration: mkdtemp %s: %s", dir,
		    strerror(errno));
		free(dir);
		return (NULL);
	}
	shell_dir = dir;
	xasprintf(&path, "%s/zsh", dir);
	i = (mkdir(path, 0700) == 0);
	free(path);
	if (!i)
		goto fail;
	for (i = 0; i < nitems(shell_files); i++) {
		if (shell_write(dir, shell_files[i].name,
		    shell_files[i].text) != 0)
			goto fail;
	}
	log_debug("shell integration files in %s", dir);
	return (shell_dir);

fail:
	log_debug("shell integration: writing %s: %s", dir, strerror(errno));
	shell_cleanup();
	return (NULL);
}

/*
 * Set up the integration for starting shell: adds environment entries to
 * env (from *nenv, room for four) and sets *args to the shell's arguments
 * (NULL: start it as a login shell, as without integration). Any shell is
 * offered the secret, for startup files of the user's own (see the manual);
 * bash and zsh get huddle's. Returns 1 if the shell will print marks, 0 if
 * it may, -1 if the files cannot be written.
 */
int
shell_prepare(const char *shell, const char *secret, char **env, int *nenv,
    char ***args)
{
	const char	*name, *dir, *zdotdir;
	char		**argv, *file;

	*args = NULL;
	if (*secret == '\0')
		return (-1);
	name = strrchr(shell, '/');
	name = (name != NULL) ? name + 1 : shell;
	if ((dir = shell_files_dir()) == NULL)
		return (-1);

	if ((file = shell_secret_file(dir, secret)) == NULL) {
		log_debug("shell integration: secret file: %s",
		    strerror(errno));
		return (-1);
	}
	xasprintf(&env[(*nenv)++], "HUDDLE_SHELL_SECRET_FILE=%s", file);
	free(file);
	if (strcmp(name, "bash") == 0) {
		/* Not a login shell: bash reads --init-file only then. */
		argv = xcalloc(3, sizeof *argv);
		argv[0] = xstrdup("--init-file");
		xasprintf(&argv[1], "%s/bash.sh", dir);
		*args = argv;
		return (1);
	}
	if (strcmp(name, "zsh") == 0) {
		xasprintf(&env[(*nenv)++], "ZDOTDIR=%s/zsh", dir);
		if ((zdotdir = getenv("ZDOTDIR")) != NULL) {
			xasprintf(&env[(*nenv)++], "HUDDLE_ZDOTDIR=%s",
			    zdotdir);
		}
		return (1);
	}
	return (0);
}
