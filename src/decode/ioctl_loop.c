/* ioctl requests of loop devices (linux/loop.h, type 'L') that carry a
 * struct: loop_info, loop_info64 and loop_config. Without -v strace
 * leaves out the device numbers and, when nothing is encrypted, the
 * encryption fields. The other requests are in the kind lists. */
#include <linux/ioctl.h>
#include <linux/loop.h>
#include <string.h>

#include "consts.h"
#include "ioctl_family.h"

/* the key as far as its size says, every byte shown */
static struct value *key_value(struct decode_ctx *ctx, const uint8_t *key,
			       uint32_t size)
{
	size_t len = size < LO_KEY_SIZE ? size : LO_KEY_SIZE;
	char *copy = arena_alloc(ctx->arena, len + 1);

	memcpy(copy, key, len);
	copy[len] = 0;
	return value_string(ctx->arena, "lo_encrypt_key", 0, copy, len, false);
}

static struct value *hex_array(struct decode_ctx *ctx, const char *name,
			       const uint64_t *v, size_t n)
{
	struct value *a = value_array(ctx->arena, name, 0);

	for (size_t i = 0; i < n; i++)
		value_add(a, value_hex(ctx->arena, NULL, v[i]));
	return a;
}

static struct value *cstring(struct decode_ctx *ctx, const char *name,
			     const uint8_t *buf, size_t size)
{
	return ioctl_cstring(ctx, name, 0, (const char *)buf, size);
}

static struct value *info_value(struct decode_ctx *ctx, const char *name,
				uint64_t addr, const struct loop_info *i)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr);
	bool all = ctx->opts->verbose, crypt = i->lo_encrypt_type != 0;
	uint64_t init[2] = { i->lo_init[0], i->lo_init[1] };
	struct value *r;

	value_add(v, value_int(ar, "lo_number", i->lo_number));
	if (all) {
		value_add(v, dev_value(ctx, "lo_device", i->lo_device));
		value_add(v, value_uint(ar, "lo_inode", i->lo_inode));
		value_add(v, dev_value(ctx, "lo_rdevice", i->lo_rdevice));
	}
	value_add(v, value_hex(ar, "lo_offset", (uint32_t)i->lo_offset));
	if (all || crypt) {
		value_add(v, ioctl_enum(ctx, "lo_encrypt_type",
					(uint32_t)i->lo_encrypt_type,
					&xlat_lo_crypt));
		value_add(v, value_uint(ar, "lo_encrypt_key_size",
					(uint32_t)i->lo_encrypt_key_size));
	}
	value_add(v, ioctl_flags_value(ctx, "lo_flags", (uint32_t)i->lo_flags,
				       &xlat_lo_flags));
	value_add(v, ioctl_cstring(ctx, "lo_name", 0, i->lo_name,
				   sizeof(i->lo_name)));
	if (all || crypt)
		value_add(v, key_value(ctx, i->lo_encrypt_key,
				       (uint32_t)i->lo_encrypt_key_size));
	if (!all) {
		v->u.kids.elided = true;
		return v;
	}
	value_add(v, hex_array(ctx, "lo_init", init, 2));
	r = value_array(ar, "reserved", 0);
	for (size_t k = 0; k < sizeof(i->reserved); k++)
		value_add(r, value_hex(ar, NULL, (uint8_t)i->reserved[k]));
	value_add(v, r);
	return v;
}

static struct value *info64_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, const struct loop_info64 *i)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr);
	bool all = ctx->opts->verbose, crypt = i->lo_encrypt_type != 0;
	uint64_t init[2] = { i->lo_init[0], i->lo_init[1] };

	if (all) {
		value_add(v, dev_value(ctx, "lo_device", i->lo_device));
		value_add(v, value_uint(ar, "lo_inode", i->lo_inode));
		value_add(v, dev_value(ctx, "lo_rdevice", i->lo_rdevice));
	}
	value_add(v, value_hex(ar, "lo_offset", i->lo_offset));
	if (all)
		value_add(v, value_uint(ar, "lo_sizelimit", i->lo_sizelimit));
	value_add(v, value_uint(ar, "lo_number", i->lo_number));
	if (all || crypt) {
		value_add(v, ioctl_enum(ctx, "lo_encrypt_type",
					i->lo_encrypt_type, &xlat_lo_crypt));
		value_add(v, value_uint(ar, "lo_encrypt_key_size",
					i->lo_encrypt_key_size));
	}
	value_add(v, ioctl_flags_value(ctx, "lo_flags", i->lo_flags,
				       &xlat_lo_flags));
	value_add(v, cstring(ctx, "lo_file_name", i->lo_file_name,
			     sizeof(i->lo_file_name)));
	if (all || crypt) {
		value_add(v, cstring(ctx, "lo_crypt_name", i->lo_crypt_name,
				     sizeof(i->lo_crypt_name)));
		value_add(v, key_value(ctx, i->lo_encrypt_key,
				       i->lo_encrypt_key_size));
	}
	if (!all) {
		v->u.kids.elided = true;
		return v;
	}
	value_add(v, hex_array(ctx, "lo_init", init, 2));
	return v;
}

/* LOOP_CONFIGURE: the backing file, the block size, its loop_info64
 * and the reserved words when any is set */
static struct value *config_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, const struct loop_config *c)
{
	struct arg_desc fd = { "fd", ARG_FD, PARAM_NONE, NULL };
	struct value *v = value_struct(ctx->arena, name, addr);
	uint64_t reserved[8];

	value_add(v, decode_fd(ctx, &fd, c->fd));
	value_add(v, value_uint(ctx->arena, "block_size", c->block_size));
	value_add(v, info64_value(ctx, "info", 0, &c->info));
	memcpy(reserved, c->__reserved, sizeof(reserved));
	for (size_t i = 0; i < 8; i++) {
		if (!reserved[i])
			continue;
		value_add(v, hex_array(ctx, "__reserved", reserved, 8));
		break;
	}
	return v;
}

struct value *ioctl_loop(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg)
{
	union {
		struct loop_info i;
		struct loop_info64 i64;
		struct loop_config c;
	} u;
	size_t size;
	struct value *v;

	switch (req) {
	case LOOP_GET_STATUS:
	case LOOP_GET_STATUS64:
		if (!ioctl_out_ready(ctx, name, arg, &v))
			return v;
		break;
	case LOOP_SET_STATUS:
	case LOOP_SET_STATUS64:
	case LOOP_CONFIGURE:
		if (ctx->at_exit)
			return NULL;
		break;
	default:
		return NULL;
	}
	size = req == LOOP_CONFIGURE ? sizeof(u.c) :
	       req == LOOP_SET_STATUS || req == LOOP_GET_STATUS ?
	       sizeof(u.i) : sizeof(u.i64);
	if (!decode_read(ctx, name, arg, &u, size, &v))
		return v;
	if (req == LOOP_CONFIGURE)
		return config_value(ctx, name, arg, &u.c);
	if (req == LOOP_SET_STATUS || req == LOOP_GET_STATUS)
		return info_value(ctx, name, arg, &u.i);
	return info64_value(ctx, name, arg, &u.i64);
}
