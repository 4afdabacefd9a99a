/* Makes the ioctl requests of device families whose arguments mytrace
 * decodes (src/decode/ioctl_*.c) on a bad descriptor and prints, for
 * each, the line mytrace must trace; requests and sizes come from the
 * uapi macros, so the lines hold on every architecture. */
#include <linux/counter.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#define EBADF_TAIL " = -1 EBADF (Bad file descriptor)"

static void counter_calls(void)
{
	struct counter_watch w;

	memset(&w, 0, sizeof(w));
	w.component.type = COUNTER_COMPONENT_COUNT;
	w.component.scope = COUNTER_SCOPE_SIGNAL;
	w.component.parent = 3;
	w.component.id = 7;
	w.event = COUNTER_EVENT_INDEX;
	w.channel = 2;
	ioctl(-1, COUNTER_ADD_WATCH_IOCTL, &w);
	puts("ioctl(-1, COUNTER_ADD_WATCH_IOCTL, {component={"
	     "type=COUNTER_COMPONENT_COUNT, scope=COUNTER_SCOPE_SIGNAL, "
	     "parent=3, id=7}, event=COUNTER_EVENT_INDEX, channel=2})"
	     EBADF_TAIL);
	w.component.type = 0x77;
	w.event = 0x55;
	ioctl(-1, COUNTER_ADD_WATCH_IOCTL, &w);
	puts("ioctl(-1, COUNTER_ADD_WATCH_IOCTL, {component={"
	     "type=0x77 /* COUNTER_COMPONENT_??? */, "
	     "scope=COUNTER_SCOPE_SIGNAL, parent=3, id=7}, "
	     "event=0x55 /* COUNTER_EVENT_??? */, channel=2})" EBADF_TAIL);
	ioctl(-1, COUNTER_ENABLE_EVENTS_IOCTL, 0x1234);
	puts("ioctl(-1, COUNTER_ENABLE_EVENTS_IOCTL)" EBADF_TAIL);
}

int main(void)
{
	counter_calls();
	return 0;
}
