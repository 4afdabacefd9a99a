/* ioctl requests of counter devices (linux/counter.h, type 0x3e). */
#include <linux/counter.h>

#include "consts.h"
#include "ioctl_family.h"

static struct value *watch_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct counter_watch w;
	struct value *v, *c;

	if (!decode_read(ctx, name, addr, &w, sizeof(w), &v))
		return v;
	v = value_struct(ar, name, addr);
	c = value_struct(ar, "component", addr);
	value_add(c, ioctl_enum(ctx, "type", w.component.type,
				&xlat_counter_component_type));
	value_add(c, ioctl_enum(ctx, "scope", w.component.scope,
				&xlat_counter_scope));
	value_add(c, value_uint(ar, "parent", w.component.parent));
	value_add(c, value_uint(ar, "id", w.component.id));
	value_add(v, c);
	value_add(v, ioctl_enum(ctx, "event", w.event,
				&xlat_counter_event_type));
	value_add(v, value_uint(ar, "channel", w.channel));
	return v;
}

struct value *ioctl_counter(struct decode_ctx *ctx, const char *name,
			    uint32_t req, uint64_t arg)
{
	if (ctx->at_exit)
		return NULL;
	if (req == COUNTER_ADD_WATCH_IOCTL)
		return watch_value(ctx, name, arg);
	return NULL;
}
