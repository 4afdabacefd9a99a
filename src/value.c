/* Constructors for the value tree. */
#include <string.h>

#include "value.h"

struct value *value_new(struct arena *a, enum value_kind kind,
			const char *name, uint64_t raw)
{
	struct value *v = arena_alloc(a, sizeof(*v));

	v->kind = kind;
	v->name = name;
	v->raw = raw;
	return v;
}

struct value *value_int(struct arena *a, const char *name, int64_t v)
{
	return value_new(a, V_INT, name, (uint64_t)v);
}

struct value *value_pid(struct arena *a, const char *name, int64_t v,
			enum pid_kind kind)
{
	struct value *p = value_new(a, V_PID, name, (uint64_t)v);

	p->u.pid.kind = kind;
	return p;
}

struct value *value_uint(struct arena *a, const char *name, uint64_t v)
{
	return value_new(a, V_UINT, name, v);
}

struct value *value_hex(struct arena *a, const char *name, uint64_t v)
{
	return value_new(a, V_HEX, name, v);
}

struct value *value_ptr(struct arena *a, const char *name, uint64_t v)
{
	return value_new(a, V_PTR, name, v);
}

struct value *value_expr(struct arena *a, const char *name, uint64_t raw,
			 const char *text)
{
	struct value *v = value_new(a, V_EXPR, name, raw);

	v->u.expr.text = text;
	return v;
}

struct value *value_expr_styled(struct arena *a, const char *name,
				uint64_t raw, const char *text,
				const char *text_raw, const char *text_verbose)
{
	struct value *v = value_expr(a, name, raw, text);

	v->u.expr.raw = text_raw;
	v->u.expr.verbose = text_verbose;
	return v;
}

struct value *value_string(struct arena *a, const char *name, uint64_t addr,
			   const char *bytes, size_t len, bool truncated)
{
	struct value *v = value_new(a, V_STRING, name, addr);

	v->u.str.bytes = bytes;
	v->u.str.len = len;
	v->u.str.truncated = truncated;
	return v;
}

struct value *value_enum(struct arena *a, const char *name, uint64_t raw,
			 const struct xlat *x, enum value_kind fallback)
{
	struct value *v = value_new(a, V_ENUM, name, raw);

	v->u.en.sym = x ? xlat_name(x, raw) : NULL;
	v->u.en.fallback = fallback;
	return v;
}

struct value *value_symbol(struct arena *a, const char *name, uint64_t raw,
			   enum value_kind fallback, const char *text)
{
	struct value *v = value_new(a, V_ENUM, name, raw);

	v->u.en.sym = text;
	v->u.en.fallback = fallback;
	return v;
}

struct value *value_flags(struct arena *a, const char *name, uint64_t raw,
			  const struct xlat *x)
{
	struct value *v = value_new(a, V_FLAGS, name, raw);
	uint64_t rest = raw;
	unsigned n = 0;

	v->u.flags.names = arena_alloc(a, (x->n + 1) * sizeof(char *));
	for (unsigned i = 0; i < x->n; i++) {
		uint64_t bits = x->e[i].value;

		if (bits == 0) {
			if (raw == 0)
				v->u.flags.names[n++] = x->e[i].name;
			continue;
		}
		if ((rest & bits) == bits) {
			v->u.flags.names[n++] = x->e[i].name;
			rest &= ~bits;
		}
	}
	v->u.flags.count = n;
	v->u.flags.rest = rest;
	return v;
}

void value_flags_prepend(struct arena *a, struct value *v, const char *sym)
{
	const char **names = arena_alloc(a, (v->u.flags.count + 1) *
					    sizeof(char *));

	names[0] = sym;
	memcpy(names + 1, v->u.flags.names,
	       v->u.flags.count * sizeof(char *));
	v->u.flags.names = names;
	v->u.flags.count++;
}

void value_flags_append(struct arena *a, struct value *v, const char *sym)
{
	const char **names = arena_alloc(a, (v->u.flags.count + 1) *
					    sizeof(char *));

	memcpy(names, v->u.flags.names, v->u.flags.count * sizeof(char *));
	names[v->u.flags.count++] = sym;
	v->u.flags.names = names;
}

struct value *value_field_flags(struct arena *a, const char *name,
			       uint64_t raw, uint64_t field_mask,
			       const struct xlat *field,
			       const struct xlat *flags)
{
	struct value *v = value_flags(a, name, raw & ~field_mask, flags);
	const char *sym = xlat_name(field, raw & field_mask);

	v->raw = raw;
	if (sym)
		value_flags_prepend(a, v, sym);
	else
		v->u.flags.rest |= raw & field_mask;
	return v;
}

struct value *value_struct(struct arena *a, const char *name, uint64_t addr)
{
	return value_new(a, V_STRUCT, name, addr);
}

struct value *value_array(struct arena *a, const char *name, uint64_t addr)
{
	return value_new(a, V_ARRAY, name, addr);
}

struct value *value_seq(struct arena *a, const char *name, const char *open,
			const char *sep, const char *close)
{
	struct value *v = value_new(a, V_SEQ, name, 0);

	v->u.kids.open = open;
	v->u.kids.sep = sep;
	v->u.kids.close = close;
	return v;
}

void value_add(struct value *parent, struct value *child)
{
	if (!child)
		return;
	child->next = NULL;
	if (parent->u.kids.last)
		parent->u.kids.last->next = child;
	else
		parent->u.kids.first = child;
	parent->u.kids.last = child;
	parent->u.kids.count++;
}

struct value *value_inout(struct arena *a, const char *name,
			  struct value *before, struct value *after)
{
	struct value *v = value_new(a, V_INOUT, name, after->raw);

	before->next = NULL;
	after->next = NULL;
	value_add(v, before);
	value_add(v, after);
	return v;
}
