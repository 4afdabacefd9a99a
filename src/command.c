/* The launched command: its file found in PATH as execvp finds it, and
 * -E's changes to its environment. Shared by the event sources. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "command.h"

char *command_resolve(const char *cmd)
{
	const char *path = getenv("PATH");
	struct stat st;
	int saved = ENOENT;

	/* a path that exists is run even when it cannot be: the trace
	 * then shows the execve that failed, as strace's does */
	if (strchr(cmd, '/')) {
		if (stat(cmd, &st) < 0)
			return NULL;
		return strdup(cmd);
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path;; p = strchr(p, ':') + 1) {
		size_t len = strcspn(p, ":");
		char *full = malloc(len + strlen(cmd) + 2);

		if (!full)
			return NULL;
		if (len == 0)
			sprintf(full, "%s", cmd);
		else
			sprintf(full, "%.*s/%s", (int)len, p, cmd);
		if (stat(full, &st) == 0 && !S_ISDIR(st.st_mode)) {
			if (access(full, X_OK) == 0)
				return full;
			saved = EACCES;
		}
		free(full);
		if (!p[len])
			break;
	}
	errno = saved;
	return NULL;
}

void command_apply_env(const char *const env[], size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strchr(env[i], '='))
			putenv((char *)env[i]);
		else
			unsetenv(env[i]);
	}
}
