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
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"

/*
 * The access list: which other users (by uid) and groups (by gid) may
 * connect, and with which highest mode. Identity always comes from the
 * kernel's peer credentials; names are looked up here, never taken from a
 * client. The owner and root may always connect as operators.
 */

struct acl_entry {
	int		 group;		/* 1 for @group */
	id_t		 id;		/* uid or gid */
	int		 readonly;
	TAILQ_ENTRY(acl_entry) entry;
};
static TAILQ_HEAD(, acl_entry) acl_entries =
    TAILQ_HEAD_INITIALIZER(acl_entries);

#define ACL_MAX_GROUPS 1024
#define ACL_MAX_ENTRIES 1000

/* Parse USER or @GROUP (a name or a number) to an id. */
int
server_acl_parse(const char *name, int *group, id_t *id, char **cause)
{
	struct passwd	*pw;
	struct group	*gr;
	const char	*n = name;
	char		*end;
	unsigned long	 v;

	*group = (*n == '@');
	if (*group)
		n++;
	if (*n == '\0') {
		xasprintf(cause, "invalid user or group: %s", esc(name));
		return (-1);
	}
	if (*group && (gr = getgrnam(n)) != NULL) {
		*id = gr->gr_gid;
		return (0);
	}
	if (!*group && (pw = getpwnam(n)) != NULL) {
		*id = pw->pw_uid;
		return (0);
	}
	errno = 0;
	v = strtoul(n, &end, 10);
	if (*end == '\0' && errno == 0 && v < UINT_MAX) {
		*id = (id_t)v;
		return (0);
	}
	xasprintf(cause, "unknown %s: %s", *group ? "group" : "user",
	    esc(n));
	return (-1);
}

/* A display name for an entry: user name, @group, or the number. */
char *
server_acl_name(int group, id_t id)
{
	struct group	*gr;
	char		*s;

	if (!group)
		return (server_user_name(id));
	if ((gr = getgrgid(id)) != NULL)
		xasprintf(&s, "@%s", gr->gr_name);
	else
		xasprintf(&s, "@%ld", (long)id);
	return (s);
}

/* Find an entry. */
static struct acl_entry *
server_acl_find(int group, id_t id)
{
	struct acl_entry	*ae;

	TAILQ_FOREACH(ae, &acl_entries, entry) {
		if (ae->group == group && ae->id == id)
			return (ae);
	}
	return (NULL);
}

/* Whether a uid (with primary gid) is in a group, supplementary included. */
static int
server_acl_in_group(uid_t uid, gid_t gid, gid_t want)
{
	struct passwd	*pw;
	gid_t		 groups[ACL_MAX_GROUPS];
	int		 n = ACL_MAX_GROUPS, i;

	if (gid == want)
		return (1);
	if ((pw = getpwuid(uid)) == NULL)
		return (0);
	if (getgrouplist(pw->pw_name, pw->pw_gid, groups, &n) == -1)
		n = ACL_MAX_GROUPS;
	for (i = 0; i < n && i < ACL_MAX_GROUPS; i++) {
		if (groups[i] == want)
			return (1);
	}
	return (0);
}

/*
 * Check a peer: 0 if it may connect (with *readonly set to its highest
 * mode), -1 if not. A grant to the user wins over its groups' grants;
 * among groups, the most permissive wins.
 */
int
server_acl_check(uid_t uid, gid_t gid, int *readonly)
{
	struct acl_entry	*ae;
	int			 found = 0;

	*readonly = 0;
	if (uid == server_uid || uid == 0)
		return (0);
	if ((ae = server_acl_find(0, uid)) != NULL) {
		*readonly = ae->readonly;
		return (0);
	}
	*readonly = 1;
	TAILQ_FOREACH(ae, &acl_entries, entry) {
		if (!ae->group || !server_acl_in_group(uid, gid, ae->id))
			continue;
		found = 1;
		if (!ae->readonly)
			*readonly = 0;
	}
	return (found ? 0 : -1);
}

/*
 * Open the socket to other users while there are grants, close it again
 * when there are none: the socket gets rw for others and its directory
 * search (never read or write) for others. The access list stays the gate.
 */
static void
server_acl_permissions(void)
{
	struct stat	 sb;
	char		*dir, *slash, base[64];
	int		 open = !TAILQ_EMPTY(&acl_entries);
	mode_t		 mode;

	if (chmod(socket_path, open ? 0666 : 0600) != 0)
		log_debug("chmod %s: %s", socket_path, strerror(errno));
	dir = xstrdup(socket_path);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		/* Only the per-user directory huddle makes is changed. */
		snprintf(base, sizeof base, "/huddle-%ld", (long)server_uid);
		slash = strrchr(dir, '/');
		if (slash != NULL && strcmp(slash, base) == 0 &&
		    lstat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    sb.st_uid == server_uid) {
			mode = sb.st_mode & 0777;
			if (open)
				mode |= S_IXGRP|S_IXOTH;
			else
				mode &= ~(S_IXGRP|S_IXOTH);
			if (chmod(dir, mode) != 0)
				log_debug("chmod %s: %s", dir, strerror(errno));
		}
	}
	free(dir);
}

/* Add or change a grant; -1 with a cause if the name is bad or full. */
int
server_acl_set(const char *name, int readonly, int add, char **cause)
{
	struct acl_entry	*ae;
	int			 group;
	id_t			 id;
	u_int			 n = 0;

	if (server_acl_parse(name, &group, &id, cause) != 0)
		return (-1);
	if (!group && (id == server_uid || id == 0)) {
		xasprintf(cause, "%s always has access", esc(name));
		return (-1);
	}
	if ((ae = server_acl_find(group, id)) == NULL) {
		if (!add) {
			xasprintf(cause, "no access for %s to change",
			    esc(name));
			return (-1);
		}
		TAILQ_FOREACH(ae, &acl_entries, entry)
			n++;
		if (n >= ACL_MAX_ENTRIES) {
			xasprintf(cause, "too many access entries");
			return (-1);
		}
		ae = xcalloc(1, sizeof *ae);
		ae->group = group;
		ae->id = id;
		TAILQ_INSERT_TAIL(&acl_entries, ae, entry);
	}
	ae->readonly = readonly;
	log_debug("access: %s %s", name, readonly ? "observer" : "operator");
	server_acl_permissions();
	server_acl_recheck();
	return (0);
}

/* Remove a grant; -1 with a cause if there is none. */
int
server_acl_remove(const char *name, char **cause)
{
	struct acl_entry	*ae;
	int			 group;
	id_t			 id;

	if (server_acl_parse(name, &group, &id, cause) != 0)
		return (-1);
	if ((ae = server_acl_find(group, id)) == NULL) {
		xasprintf(cause, "no access for %s to remove", esc(name));
		return (-1);
	}
	TAILQ_REMOVE(&acl_entries, ae, entry);
	free(ae);
	log_debug("access: %s revoked", name);
	server_acl_permissions();
	server_acl_recheck();
	return (0);
}

/* Call cb for each grant, in the order they were made. */
void
server_acl_each(void (*cb)(int, id_t, int, void *), void *arg)
{
	struct acl_entry	*ae;

	TAILQ_FOREACH(ae, &acl_entries, entry)
		cb(ae->group, ae->id, ae->readonly, arg);
}

/*
 * Apply the access list to everyone connected: clients no longer allowed
 * are disconnected at once, and attached clients whose highest mode changed
 * change mode at once.
 */
void
server_acl_recheck(void)
{
	struct client	*c, *c1;
	int		 readonly;

	TAILQ_FOREACH_SAFE(c, &clients, entry, c1) {
		if (c->flags & (CLIENT_DEAD|CLIENT_EXIT))
			continue;
		if (server_acl_check(c->uid, c->gid, &readonly) != 0) {
			log_debug("client %u (%s): access revoked", c->id,
			    c->user);
			server_client_revoke(c);
			continue;
		}
		server_client_set_mode(c, readonly, c->granted_readonly);
		c->granted_readonly = readonly;
	}
}

/* Free the access list (at exit). */
void
server_acl_free(void)
{
	struct acl_entry	*ae;

	while ((ae = TAILQ_FIRST(&acl_entries)) != NULL) {
		TAILQ_REMOVE(&acl_entries, ae, entry);
		free(ae);
	}
}
