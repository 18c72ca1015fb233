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
#include <sys/time.h>

#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include "huddle.h"

/* What the client and the server share: options, socket, start time, shell. */

struct options	*global_options;
const char	*socket_path;
struct timeval	 start_time;

/* Whether a shell path is usable. */
int
checkshell(const char *shell)
{
	if (shell == NULL || *shell != '/')
		return (0);
	if (access(shell, X_OK) != 0)
		return (0);
	return (1);
}

/* The user's shell: the default-shell option, $SHELL, passwd, or /bin/sh. */
const char *
getshell(void)
{
	struct passwd	*pw;
	const char	*shell;

	if (global_options != NULL) {
		shell = options_get_string(global_options, "default-shell");
		if (checkshell(shell))
			return (shell);
	}
	shell = getenv("SHELL");
	if (checkshell(shell))
		return (shell);
	pw = getpwuid(getuid());
	if (pw != NULL && checkshell(pw->pw_shell))
		return (pw->pw_shell);
	return ("/bin/sh");
}
