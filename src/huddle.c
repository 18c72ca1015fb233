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

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"
#include "client.h"

extern const struct cmd_entry cmd_attach_entry;

/* huddle: main, global options, and the choice of what runs where. */

static char	*cfgfile;	/* kept global: in use until exit */

#define HUDDLE_USAGE "huddle [-vV] [-f file] [-L socket-name | " \
    "-S socket-path] [command [flags]]"

/* Print the usage line and exit 2. */
static __dead void
usage(void)
{
	fprintf(stderr, "usage: %s\n", HUDDLE_USAGE);
	exit(EXIT_USAGE);
}

/* Report a bad global flag in one line, as args_parse does, and exit 2. */
static __dead void
usage_error(const char *cause)
{
	fprintf(stderr, "huddle: %s; usage: %s\n", cause, HUDDLE_USAGE);
	exit(EXIT_USAGE);
}

/* A global flag getopt refused: unknown, or missing its value. */
static __dead void
usage_flag(int opt)
{
	char	*cause, flag[2] = { optopt, '\0' };

	if (opt == ':')
		xasprintf(&cause, "-%s needs a value", esc(flag));
	else
		xasprintf(&cause, "unknown flag -%s", esc(flag));
	usage_error(cause);
}

/* Make sure characters are handled as UTF-8, whatever the locale says. */
static void
huddle_locale(void)
{
	const char	*codeset;

	if (setlocale(LC_CTYPE, "") != NULL) {
		codeset = nl_langinfo(CODESET);
		if (strcasecmp(codeset, "UTF-8") == 0 ||
		    strcasecmp(codeset, "UTF8") == 0)
			goto done;
	}
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "en_US.UTF-8") == NULL)
		fprintf(stderr, "huddle: warning: no UTF-8 locale\n");
done:
	setlocale(LC_TIME, "");
}

/* The default configuration file, ~/.huddle.conf. */
static char *
huddle_default_config(void)
{
	const char	*home = getenv("HOME");
	char		*path;

	if (home == NULL || *home == '\0')
		return (NULL);
	xasprintf(&path, "%s/.huddle.conf", home);
	return (path);
}

/* Whether a command line has a flag (it parsed before, so it is valid). */
static int
huddle_has_flag(const struct cmd_entry *entry, int argc, char **argv,
    int flag)
{
	struct args	*args;
	char		*cause = NULL;
	int		 has;

	if ((args = args_parse(entry, argc, argv, &cause)) == NULL) {
		free(cause);
		return (0);
	}
	has = args_has(args, flag);
	args_free(args);
	return (has);
}

/* Attaching needs a terminal on both sides. */
static int
huddle_check_tty(const char *what)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "huddle: %s needs a terminal\n", what);
		return (-1);
	}
	return (0);
}

/* huddle attach: the client does it. */
static int
huddle_attach(int argc, char **argv, const char *label, const char *path)
{
	struct args	*args;
	const char	*name;
	char		*cause = NULL, *sockflags;
	int		 flags = 0, status;

	if (huddle_check_tty("attach") != 0)
		return (1);
	if ((args = args_parse(&cmd_attach_entry, argc, argv, &cause)) ==
	    NULL) {
		fprintf(stderr, "huddle: %s\n", cause);
		free(cause);
		return (EXIT_USAGE);
	}
	if (args_has(args, 'r'))
		flags |= MSG_ATTACH_READONLY;
	if (args_has(args, 'd'))
		flags |= MSG_ATTACH_DETACH_OTHERS;
	/* With --via, -L or -S name the socket on the far side. */
	name = path != NULL ? path : label;
	if (name != NULL && strchr(name, '\'') != NULL) {
		fprintf(stderr, "huddle: socket name has a quote: %s\n",
		    esc(name));
		args_free(args);
		return (1);
	}
	if (name != NULL)
		xasprintf(&sockflags, "%s '%s'", path != NULL ? "-S" : "-L",
		    name);
	else
		sockflags = xstrdup("");
	status = client_attach(args_get(args, 't'), flags,
	    args_get(args, 'p'), args_get(args, ARGS_VIA), sockflags);
	free(sockflags);
	args_free(args);
	return (status);
}

/* huddle new without -d: create the session, then attach to it. */
static int
huddle_new_attach(int argc, char **argv, const char *cfgfile, int required)
{
	char	**nargv, *out, *nl;
	int	  i, status;

	if (huddle_check_tty("new without -d") != 0)
		return (1);
	nargv = xcalloc(argc + 4, sizeof *nargv);
	nargv[0] = argv[0];
	nargv[1] = (char *)"-P";
	nargv[2] = (char *)"-F";
	nargv[3] = (char *)"#{session_id}";
	for (i = 1; i < argc; i++)
		nargv[i + 3] = argv[i];
	status = client_command_capture(argc + 3, nargv, 1, cfgfile, required,
	    &out);
	free(nargv);
	if (status != 0) {
		free(out);
		return (status);
	}
	if ((nl = strchr(out, '\n')) != NULL)
		*nl = '\0';
	status = client_attach(out, 0, NULL, NULL, NULL);
	free(out);
	return (status);
}

int
main(int argc, char **argv)
{
	const struct cmd_entry	*entry;
	struct args		*args;
	const char		*label = NULL, *path = NULL;
	char			*cause = NULL, *sock;
	char			*dflt[] = { (char *)"new", NULL };
	char			 usage_buf[512];
	int			 opt, required = 0;

	huddle_locale();
	log_set_dir();
	gettimeofday(&start_time, NULL);
	opterr = 0;
	for (;;) {
		/* getopt would take --long as flags -, l, o...: not here. */
		if (optind < argc && strncmp(argv[optind], "--", 2) == 0 &&
		    argv[optind][2] != '\0') {
			xasprintf(&cause, "unknown flag %s",
			    esc(argv[optind]));
			usage_error(cause);
		}
		if ((opt = getopt(argc, argv, "+:f:hL:S:vV")) == -1)
			break;
		switch (opt) {
		case 'f':
			free(cfgfile);
			cfgfile = xstrdup(optarg);
			required = 1;
			break;
		case 'L':
			label = optarg;
			break;
		case 'S':
			path = optarg;
			break;
		case 'v':
			log_add_level();
			break;
		case 'V':
			printf("huddle %s\n", PACKAGE_VERSION);
			return (0);
		case 'h':
			usage();
		default:
			usage_flag(opt);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argc = 1;
		argv = dflt;
	}
	if (cfgfile == NULL)
		cfgfile = huddle_default_config();

	/* Check the command here too, so usage errors need no server. */
	if ((entry = cmd_find(argv[0], &cause)) == NULL) {
		fprintf(stderr, "huddle: %s\n", cause);
		free(cause);
		return (EXIT_USAGE);
	}
	if ((args = args_parse(entry, argc, argv, &cause)) == NULL) {
		fprintf(stderr, "huddle: %s; usage: huddle %s\n", cause,
		    cmd_usage_line(entry, usage_buf, sizeof usage_buf));
		free(cause);
		return (EXIT_USAGE);
	}
	args_free(args);

	if ((sock = huddle_socket_path(label, path, &cause)) == NULL) {
		fprintf(stderr, "huddle: %s\n", cause);
		free(cause);
		return (1);
	}
	socket_path = sock;
	log_open("client");
	if (strcmp(entry->name, "attach") == 0)
		return (huddle_attach(argc, argv, label, path));
	if (strcmp(entry->name, "proxy") == 0)
		return (proxy_main());
	if (strcmp(entry->name, "new") == 0 && !huddle_has_flag(entry, argc,
	    argv, 'd'))
		return (huddle_new_attach(argc, argv, cfgfile, required));
	return (client_command(argc, argv,
	    (entry->flags & CMD_STARTSERVER) != 0, cfgfile, required));
}
