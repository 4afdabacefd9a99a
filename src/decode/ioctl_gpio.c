/* ioctl requests of GPIO character devices (linux/gpio.h, type 0xb4):
 * chip and line information, line requests of the v1 and v2 interfaces
 * and the values of requested lines. */
#include <linux/gpio.h>
#include <string.h>

#include "consts.h"
#include "ioctl_family.h"

/* [1, 2, ...]: n numbers of size bytes each from buf, cut at -s */
static struct value *uint_array(struct decode_ctx *ctx, const char *name,
				const void *buf, unsigned n, size_t size,
				bool hex)
{
	struct value *v = value_array(ctx->arena, name, 0);

	for (unsigned i = 0; i < n; i++) {
		uint64_t x = size == 1 ? ((const uint8_t *)buf)[i] :
			     ((const uint32_t *)buf)[i];

		/* -v shows them all */
		if (!ctx->opts->verbose && decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		value_add(v, hex ? value_hex(ctx->arena, NULL, x) :
			  value_uint(ctx->arena, NULL, x));
	}
	return v;
}

/* padding=[...]: shown only when a word of it is set */
static void add_padding(struct decode_ctx *ctx, struct value *v,
			const uint32_t *pad, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (pad[i]) {
			value_add(v, uint_array(ctx, "padding", pad, n, 4,
						true));
			return;
		}
}

static struct value *fd_struct(struct decode_ctx *ctx, int fd)
{
	struct arg_desc d = { "fd", ARG_FD, PARAM_NONE, NULL };
	struct value *v = value_struct(ctx->arena, NULL, 0);

	value_add(v, decode_fd(ctx, &d, (uint32_t)fd));
	return v;
}

/* a v2 attribute: by its id, or id and raw data when unknown */
static void add_attr(struct decode_ctx *ctx, struct value *v,
		     const struct gpio_v2_line_attribute *a, bool nested)
{
	struct arena *ar = ctx->arena;
	struct value *raw;

	if (!a->padding) {
		switch (a->id) {
		case GPIO_V2_LINE_ATTR_ID_FLAGS:
			value_add(v, ioctl_flags_value(ctx, "flags", a->flags,
					&xlat_gpio_v2_line_flags));
			return;
		case GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES:
			value_add(v, value_hex(ar, "values", a->values));
			return;
		case GPIO_V2_LINE_ATTR_ID_DEBOUNCE:
			value_add(v, value_uint(ar, "debounce_period_us",
						a->debounce_period_us));
			return;
		}
	}
	raw = nested ? value_struct(ar, "attr", 0) : v;
	value_add(raw, value_uint(ar, "id", a->id));
	if (a->padding)
		value_add(raw, value_hex(ar, "padding", a->padding));
	value_add(raw, value_hex(ar, "data", a->values));
	if (nested)
		value_add(v, raw);
}

static struct value *line_config(struct decode_ctx *ctx, const char *name,
				 const struct gpio_v2_line_config *c)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, 0), *attrs;
	unsigned n = c->num_attrs < GPIO_V2_LINE_NUM_ATTRS_MAX ?
		     c->num_attrs : GPIO_V2_LINE_NUM_ATTRS_MAX;

	value_add(v, ioctl_flags_value(ctx, "flags", c->flags,
				       &xlat_gpio_v2_line_flags));
	value_add(v, value_uint(ar, "num_attrs", c->num_attrs));
	add_padding(ctx, v, c->padding, 5);
	if (!c->num_attrs)
		return v;
	attrs = value_array(ar, "attrs", 0);
	for (unsigned i = 0; i < n; i++) {
		struct value *e = value_struct(ar, NULL, 0);

		add_attr(ctx, e, &c->attrs[i].attr, true);
		value_add(e, value_hex(ar, "mask", c->attrs[i].mask));
		value_add(attrs, e);
	}
	value_add(v, attrs);
	return v;
}

static struct value *line_info(struct decode_ctx *ctx, const char *name,
			       uint64_t addr, const struct gpioline_info *li)
{
	struct value *v = value_struct(ctx->arena, name, addr);

	if (!ctx->at_exit) {
		value_add(v, value_uint(ctx->arena, "line_offset",
					li->line_offset));
		return v;
	}
	value_add(v, ioctl_flags_value(ctx, "flags", li->flags,
				       &xlat_gpio_line_flags));
	value_add(v, ioctl_cstring(ctx, "name", addr, li->name,
				   sizeof(li->name)));
	value_add(v, ioctl_cstring(ctx, "consumer", addr, li->consumer,
				   sizeof(li->consumer)));
	return v;
}

static struct value *v2_line_info(struct decode_ctx *ctx, const char *name,
				  uint64_t addr,
				  const struct gpio_v2_line_info *li)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr), *attrs;
	unsigned n = li->num_attrs < GPIO_V2_LINE_NUM_ATTRS_MAX ?
		     li->num_attrs : GPIO_V2_LINE_NUM_ATTRS_MAX;

	if (!ctx->at_exit) {
		value_add(v, value_uint(ar, "offset", li->offset));
		return v;
	}
	value_add(v, ioctl_cstring(ctx, "name", addr, li->name,
				   sizeof(li->name)));
	value_add(v, ioctl_cstring(ctx, "consumer", addr, li->consumer,
				   sizeof(li->consumer)));
	value_add(v, ioctl_flags_value(ctx, "flags", li->flags,
				       &xlat_gpio_v2_line_flags));
	value_add(v, value_uint(ar, "num_attrs", li->num_attrs));
	if (li->num_attrs) {
		attrs = value_array(ar, "attrs", addr);
		for (unsigned i = 0; i < n; i++) {
			struct value *e = value_struct(ar, NULL, 0);

			add_attr(ctx, e, &li->attrs[i], false);
			value_add(attrs, e);
		}
		value_add(v, attrs);
	}
	add_padding(ctx, v, li->padding, 4);
	return v;
}

static struct value *handle_request(struct decode_ctx *ctx, const char *name,
				    uint64_t addr,
				    const struct gpiohandle_request *r)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr);
	unsigned n = r->lines < GPIOHANDLES_MAX ? r->lines : GPIOHANDLES_MAX;

	value_add(v, value_uint(ar, "lines", r->lines));
	value_add(v, uint_array(ctx, "lineoffsets", r->lineoffsets, n, 4,
				false));
	value_add(v, ioctl_flags_value(ctx, "flags", r->flags,
				       &xlat_gpio_handle_flags));
	value_add(v, uint_array(ctx, "default_values", r->default_values, n,
				1, false));
	value_add(v, ioctl_cstring(ctx, "consumer_label", addr,
				   r->consumer_label,
				   sizeof(r->consumer_label)));
	return v;
}

static struct value *event_request(struct decode_ctx *ctx, const char *name,
				   uint64_t addr,
				   const struct gpioevent_request *r)
{
	struct value *v = value_struct(ctx->arena, name, addr);

	value_add(v, value_uint(ctx->arena, "lineoffset", r->lineoffset));
	value_add(v, ioctl_flags_value(ctx, "handleflags", r->handleflags,
				       &xlat_gpio_handle_flags));
	value_add(v, ioctl_flags_value(ctx, "eventflags", r->eventflags,
				       &xlat_gpio_event_flags));
	value_add(v, ioctl_cstring(ctx, "consumer_label", addr,
				   r->consumer_label,
				   sizeof(r->consumer_label)));
	return v;
}

static struct value *v2_line_request(struct decode_ctx *ctx,
				     const char *name, uint64_t addr,
				     const struct gpio_v2_line_request *r)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr);
	unsigned n = r->num_lines < GPIO_V2_LINES_MAX ? r->num_lines :
		     GPIO_V2_LINES_MAX;

	value_add(v, value_uint(ar, "num_lines", r->num_lines));
	value_add(v, uint_array(ctx, "offsets", r->offsets, n, 4, false));
	value_add(v, ioctl_cstring(ctx, "consumer", addr, r->consumer,
				   sizeof(r->consumer)));
	value_add(v, line_config(ctx, "config", &r->config));
	if (r->event_buffer_size)
		value_add(v, value_uint(ar, "event_buffer_size",
					r->event_buffer_size));
	add_padding(ctx, v, r->padding, 5);
	return v;
}

/* the struct at addr, of the size the request encodes */
union gpio_arg {
	struct gpiochip_info chip;
	struct gpioline_info line;
	struct gpio_v2_line_info v2_line;
	struct gpiohandle_request handle;
	struct gpioevent_request event;
	struct gpiohandle_data data;
	struct gpiohandle_config config;
	struct gpio_v2_line_request v2_req;
	struct gpio_v2_line_config v2_config;
	struct gpio_v2_line_values values;
	uint32_t offset;
};

static struct value *chip_info(struct decode_ctx *ctx, const char *name,
			       uint64_t addr, const struct gpiochip_info *c)
{
	struct value *v = value_struct(ctx->arena, name, addr);

	value_add(v, ioctl_cstring(ctx, "name", addr, c->name,
				   sizeof(c->name)));
	value_add(v, ioctl_cstring(ctx, "label", addr, c->label,
				   sizeof(c->label)));
	value_add(v, value_uint(ctx->arena, "lines", c->lines));
	return v;
}

/* what the call returns: {fd=N} after a line request, the values read */
static struct value *gpio_out(struct decode_ctx *ctx, const char *name,
			      uint64_t addr, uint32_t req,
			      const union gpio_arg *g)
{
	struct value *v = value_struct(ctx->arena, name, addr);

	switch (req) {
	case GPIO_GET_LINEINFO_IOCTL:
	case GPIO_GET_LINEINFO_WATCH_IOCTL:
		return line_info(ctx, name, addr, &g->line);
	case GPIO_V2_GET_LINEINFO_IOCTL:
	case GPIO_V2_GET_LINEINFO_WATCH_IOCTL:
		return v2_line_info(ctx, name, addr, &g->v2_line);
	case GPIO_GET_LINEHANDLE_IOCTL:
		return fd_struct(ctx, g->handle.fd);
	case GPIO_GET_LINEEVENT_IOCTL:
		return fd_struct(ctx, g->event.fd);
	case GPIO_V2_GET_LINE_IOCTL:
		return fd_struct(ctx, g->v2_req.fd);
	case GPIO_V2_LINE_GET_VALUES_IOCTL:
		value_add(v, value_hex(ctx->arena, "bits", g->values.bits));
		return v;
	}
	return NULL;
}

/* what the program hands in */
static struct value *gpio_in(struct decode_ctx *ctx, const char *name,
			     uint64_t addr, uint32_t req,
			     const union gpio_arg *g)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr);

	switch (req) {
	case GPIO_GET_LINEINFO_IOCTL:
	case GPIO_GET_LINEINFO_WATCH_IOCTL:
		return line_info(ctx, name, addr, &g->line);
	case GPIO_V2_GET_LINEINFO_IOCTL:
	case GPIO_V2_GET_LINEINFO_WATCH_IOCTL:
		return v2_line_info(ctx, name, addr, &g->v2_line);
	case GPIO_GET_LINEINFO_UNWATCH_IOCTL:
		value_add(v, value_uint(ar, "offset", g->offset));
		return v;
	case GPIO_GET_LINEHANDLE_IOCTL:
		return handle_request(ctx, name, addr, &g->handle);
	case GPIO_GET_LINEEVENT_IOCTL:
		return event_request(ctx, name, addr, &g->event);
	case GPIOHANDLE_SET_LINE_VALUES_IOCTL:
		value_add(v, uint_array(ctx, "values", g->data.values,
					GPIOHANDLES_MAX, 1, false));
		return v;
	case GPIOHANDLE_SET_CONFIG_IOCTL:
		value_add(v, ioctl_flags_value(ctx, "flags", g->config.flags,
					       &xlat_gpio_handle_flags));
		value_add(v, uint_array(ctx, "default_values",
					g->config.default_values,
					GPIOHANDLES_MAX, 1, false));
		return v;
	case GPIO_V2_GET_LINE_IOCTL:
		return v2_line_request(ctx, name, addr, &g->v2_req);
	case GPIO_V2_LINE_SET_CONFIG_IOCTL:
		v = line_config(ctx, name, &g->v2_config);
		v->raw = addr;
		return v;
	case GPIO_V2_LINE_GET_VALUES_IOCTL:
		value_add(v, value_hex(ar, "mask", g->values.mask));
		return v;
	case GPIO_V2_LINE_SET_VALUES_IOCTL:
		value_add(v, value_hex(ar, "bits", g->values.bits));
		value_add(v, value_hex(ar, "mask", g->values.mask));
		return v;
	}
	return NULL;
}

static bool gpio_decoded(uint32_t req)
{
	switch (req) {
	case GPIO_GET_CHIPINFO_IOCTL:
	case GPIO_GET_LINEINFO_IOCTL:
	case GPIO_GET_LINEINFO_WATCH_IOCTL:
	case GPIO_GET_LINEINFO_UNWATCH_IOCTL:
	case GPIO_GET_LINEHANDLE_IOCTL:
	case GPIO_GET_LINEEVENT_IOCTL:
	case GPIOHANDLE_GET_LINE_VALUES_IOCTL:
	case GPIOHANDLE_SET_LINE_VALUES_IOCTL:
	case GPIOHANDLE_SET_CONFIG_IOCTL:
	case GPIO_V2_GET_LINEINFO_IOCTL:
	case GPIO_V2_GET_LINEINFO_WATCH_IOCTL:
	case GPIO_V2_GET_LINE_IOCTL:
	case GPIO_V2_LINE_SET_CONFIG_IOCTL:
	case GPIO_V2_LINE_GET_VALUES_IOCTL:
	case GPIO_V2_LINE_SET_VALUES_IOCTL:
		return true;
	default:
		return false;
	}
}

struct value *ioctl_gpio(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg)
{
	size_t size = (req >> 16) & 0x3fff;
	union gpio_arg g;
	struct value *v;

	if (!gpio_decoded(req) || size > sizeof(g))
		return NULL;
	/* requests the call only fills show at exit */
	if (req == GPIO_GET_CHIPINFO_IOCTL ||
	    req == GPIOHANDLE_GET_LINE_VALUES_IOCTL) {
		if (!ioctl_out_ready(ctx, name, arg, &v) ||
		    !decode_read(ctx, name, arg, &g, size, &v))
			return v;
		if (req == GPIO_GET_CHIPINFO_IOCTL)
			return chip_info(ctx, name, arg, &g.chip);
		v = value_struct(ctx->arena, name, arg);
		value_add(v, uint_array(ctx, "values", g.data.values,
					GPIOHANDLES_MAX, 1, false));
		return v;
	}
	if (!decode_read(ctx, name, arg, &g, size, &v))
		return ctx->at_exit ? NULL : v;
	if (!ctx->at_exit)
		return gpio_in(ctx, name, arg, req, &g);
	v = gpio_out(ctx, name, arg, req, &g);
	return v ? ioctl_inout_exit(ctx, name, v) : NULL;
}
