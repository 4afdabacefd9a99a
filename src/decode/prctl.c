/* prctl(2) and arch_prctl(2): the option names the call, and its list
 * (tables/consts/prctl_option.list, arch_prctl_code.list) says, in a
 * column, which of the other arguments it takes and how each shows. This
 * file reads that column; it knows the kinds of argument, not the
 * options. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/prctl.h>

#include "consts.h"
#include "decoders.h"

#define PRCTL_ARGS 4	/* arg2 to arg5 */
#define KIND_MAX 48

/* What one call's column says: the kind of each argument it shows, and
 * how its return value is named. */
struct prctl_plan {
	char kind[PRCTL_ARGS][KIND_MAX];
	unsigned nargs;
	char ret[KIND_MAX];
};

static const char *const arg_names[PRCTL_ARGS] = {
	"arg2", "arg3", "arg4", "arg5"
};

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether v is one of the comma-separated numbers in list[0..len). */
static bool in_values(const char *list, size_t len, uint64_t v)
{
	char buf[KIND_MAX], *p, *save = NULL;

	if (len >= sizeof(buf))
		return false;
	memcpy(buf, list, len);
	buf[len] = 0;
	for (p = strtok_r(buf, ",", &save); p; p = strtok_r(NULL, ",", &save))
		if (strtoull(p, NULL, 0) == v)
			return true;
	return false;
}

/* WORD?V,V|ELSE: WORD when arg2 is one of V, else ELSE (or x). */
static void resolve_word(const char *word, uint64_t arg2, char out[KIND_MAX])
{
	const char *q = strchr(word, '?'), *bar;
	const char *pick = word;
	size_t len = strlen(word);

	if (q) {
		bar = strchr(q, '|');
		len = (size_t)(q - word);
		if (!in_values(q + 1, (size_t)((bar ? bar : q + strlen(q)) -
					       (q + 1)), arg2)) {
			pick = bar ? bar + 1 : "x";
			len = strlen(pick);
		}
	}
	if (len >= KIND_MAX)
		len = KIND_MAX - 1;
	memcpy(out, pick, len);
	out[len] = 0;
}

/* Reads the column: spec NULL (an option the list does not describe)
 * shows the four arguments in hex. */
static void prctl_plan(const char *spec, uint64_t arg2, struct prctl_plan *p)
{
	char buf[256], *eq, *w, *save = NULL;

	memset(p, 0, sizeof(*p));
	if (!spec)
		spec = "*";
	snprintf(buf, sizeof(buf), "%s", spec);
	eq = strstr(buf, " = ");
	if (eq)
		*eq = 0;
	/* conditions test arg2 as its own kind reads it: 32 bits of it
	 * for a 32-bit kind */
	if (starts(buf, "e4:") || starts(buf, "f4:"))
		arg2 = (uint32_t)arg2;
	if (eq)
		resolve_word(eq + 3, arg2, p->ret);
	for (w = strtok_r(buf, " ", &save); w && p->nargs < PRCTL_ARGS;
	     w = strtok_r(NULL, " ", &save)) {
		if (w[0] == '!') {
			if (in_values(w + 1, strlen(w + 1), arg2))
				return;
			continue;
		}
		if (strcmp(w, "*") == 0) {
			while (p->nargs < PRCTL_ARGS)
				strcpy(p->kind[p->nargs++], "x");
			return;
		}
		resolve_word(w, arg2, p->kind[p->nargs++]);
	}
}

static const struct xlat *set_after(const char *kind, const char *prefix)
{
	return xlat_set(kind + strlen(prefix));
}

static struct value *enum_value(struct decode_ctx *ctx, const char *name,
				uint64_t raw, const struct xlat *x)
{
	struct value *v = value_enum(ctx->arena, name, raw, x, V_HEX);

	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, x);
	return v;
}

static struct value *flags_value(struct decode_ctx *ctx, const char *name,
				 uint64_t raw, const struct xlat *x)
{
	struct value *v = value_flags(ctx->arena, name, raw, x);

	if (v->u.flags.count == 0 && v->u.flags.rest)
		set_unknown_comment(ctx, v, x);
	return v;
}

/* The number, its name in a comment after it (PIDTYPE_TGID). */
static struct value *number_named(struct decode_ctx *ctx, const char *name,
				  uint64_t raw, const struct xlat *x)
{
	struct value *v = value_hex(ctx->arena, name, raw);
	const char *sym = xlat_name(x, raw);

	v->comment = sym ? sym : unknown_comment(ctx, x);
	v->comment_xlat = true;
	return v;
}

/* "A|B|0x10": a flags value as the text of a note. */
static const char *flags_text(struct arena *ar, const struct value *v)
{
	const char *s = "";

	for (unsigned i = 0; i < v->u.flags.count; i++)
		s = arena_printf(ar, "%s%s%s", s, i ? "|" : "",
				 v->u.flags.names[i]);
	if (v->u.flags.rest || !v->u.flags.count)
		s = arena_printf(ar, "%s%s%#" PRIx64, s,
				 v->u.flags.count ? "|" : "", v->u.flags.rest);
	return s;
}

/* The number in hex, the flags of x it holds in a comment. */
static struct value *number_flags(struct decode_ctx *ctx, const char *name,
				  uint64_t raw, const struct xlat *x)
{
	struct value *v = value_hex(ctx->arena, name, raw);
	struct value *f = value_flags(ctx->arena, NULL, raw, x);

	if (f->u.flags.count)
		v->comment = flags_text(ctx->arena, f);
	else if (raw)
		v->comment = unknown_comment(ctx, x);
	v->comment_xlat = true;
	return v;
}

/* At most n bytes of a string: "..." when no NUL comes within them. */
static struct value *string_of(struct decode_ctx *ctx, const char *name,
			       uint64_t addr, size_t n)
{
	char buf[64];
	ssize_t len;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (n >= sizeof(buf) - 1)
		n = sizeof(buf) - 2;
	len = tracee_read_str(ctx->mem, addr, buf, n - 1);
	if (len < 0)
		return value_unavailable(ctx, name, addr);
	return value_string(ctx->arena, name, addr,
			    arena_strndup(ctx->arena, buf, (size_t)len),
			    (size_t)len < n ? (size_t)len : n, (size_t)len >= n);
}

/* PR_SVE_VL_INHERIT|0xea57: the bits above the length named from x, the
 * length in hex; a bare length as a number. */
static struct value *vl_value(struct decode_ctx *ctx, const char *name,
			      uint64_t raw, const struct xlat *x)
{
	struct value *v;

	if (!(raw >> 16))
		return value_hex(ctx->arena, name, raw);
	v = value_flags(ctx->arena, name, raw & ~(uint64_t)0xffff, x);
	if (v->u.flags.rest)
		value_flags_append(ctx->arena, v, arena_printf(ctx->arena,
				   "%#" PRIx64, v->u.flags.rest));
	value_flags_append(ctx->arena, v, arena_printf(ctx->arena, "%#" PRIx64,
						       raw & 0xffff));
	v->u.flags.rest = 0;
	v->raw = raw;
	return v;
}

/* The tagged address control word: an enable bit, the tag check fault
 * mode, the tag inclusion mask and anything else. */
static struct value *tagged_value(struct decode_ctx *ctx, const char *name,
				  uint64_t raw)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_flags(ar, name, 0, &xlat_pr_mte_tcf);
	uint64_t tags = (raw & PR_MTE_TAG_MASK) >> PR_MTE_TAG_SHIFT;
	uint64_t rest = raw & ~(uint64_t)(PR_TAGGED_ADDR_ENABLE |
					  PR_MTE_TCF_MASK | PR_MTE_TAG_MASK);

	v->u.flags.count = 0;
	value_flags_append(ar, v, raw & PR_TAGGED_ADDR_ENABLE ?
			   "PR_TAGGED_ADDR_ENABLE" : "!PR_TAGGED_ADDR_ENABLE");
	value_flags_append(ar, v, xlat_name(&xlat_pr_mte_tcf,
					    raw & PR_MTE_TCF_MASK));
	if (tags)
		value_flags_append(ar, v, arena_printf(ar,
				   "%#" PRIx64 "<<PR_MTE_TAG_SHIFT", tags));
	if (rest)
		value_flags_append(ar, v, arena_printf(ar, "%#" PRIx64, rest));
	v->raw = raw;
	return v;
}

/* An int that SET names (PR_SET_PTRACER_ANY) or else a process id. */
static struct value *pid_named(struct decode_ctx *ctx, const char *name,
			       uint64_t raw, const struct xlat *x)
{
	int32_t v = (int32_t)raw;

	if (xlat_name(x, (uint64_t)(int64_t)v) || v <= 0)
		return value_enum(ctx->arena, name, (uint64_t)(int64_t)v, x,
				  V_INT);
	return value_pid(ctx->arena, name, v, PID_TGID);
}

/* An id of the kind the next argument, a pid type, says (PIDTYPE_PGID: a
 * process group); a plain int under a type the kernel does not know. */
static struct value *pid_of_type(struct decode_ctx *ctx, const char *name,
				 uint64_t raw, uint32_t type)
{
	static const enum pid_kind kinds[] = {
		PID_TID, PID_TGID, PID_PGID, PID_SID
	};

	if (type >= sizeof(kinds) / sizeof(kinds[0]))
		return value_int(ctx->arena, name, (int32_t)raw);
	return value_pid(ctx->arena, name, (int32_t)raw, kinds[type]);
}

/* What the call wrote where the argument points: [value]. */
static struct value *written_value(struct decode_ctx *ctx, const char *kind,
				   const char *name, uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct value *v, *in;
	uint64_t word = 0;
	size_t size = starts(kind, "kptr") || starts(kind, "x8") ||
		      starts(kind, "xf8:") ? 8 : 4;

	if (starts(kind, "s:"))
		return string_of(ctx, name, addr, strtoul(kind + 2, NULL, 10));
	if (starts(kind, "u4"))
		return int_ptr_value(ctx, name, addr, 4, false);
	if (!decode_read(ctx, name, addr, &word, size, &v))
		return v;
	if (starts(kind, "e4:"))
		in = enum_value(ctx, NULL, word, set_after(kind, "e4:"));
	else if (starts(kind, "f4:"))
		in = flags_value(ctx, NULL, word, set_after(kind, "f4:"));
	else if (starts(kind, "sig"))
		in = signal_value(ctx, NULL, (int32_t)word);
	else if (starts(kind, "xf8:"))
		in = number_flags(ctx, NULL, word, set_after(kind, "xf8:"));
	else if (starts(kind, "kptr"))
		in = value_ptr(ar, NULL, word);
	else
		in = value_hex(ar, NULL, word);
	v = value_array(ar, name, addr);
	value_add(v, in);
	return v;
}

/* One argument of a kind the column names, as the caller passed it. */
static struct value *kind_value(struct decode_ctx *ctx, const char *kind,
				const char *name, uint64_t raw, uint64_t next)
{
	struct arena *ar = ctx->arena;

	if (starts(kind, "e:"))
		return enum_value(ctx, name, raw, set_after(kind, "e:"));
	if (starts(kind, "e4:"))
		return enum_value(ctx, name, (uint32_t)raw,
				  set_after(kind, "e4:"));
	if (starts(kind, "ev:"))
		return number_named(ctx, name, raw, set_after(kind, "ev:"));
	if (starts(kind, "ev4:"))
		return number_named(ctx, name, (uint32_t)raw,
				    set_after(kind, "ev4:"));
	if (starts(kind, "id:"))
		return value_enum(ar, name, (uint64_t)(int64_t)(int32_t)raw,
				  set_after(kind, "id:"), V_INT);
	if (starts(kind, "pid:"))
		return pid_named(ctx, name, raw, set_after(kind, "pid:"));
	if (strcmp(kind, "pidt") == 0)
		return pid_of_type(ctx, name, raw, (uint32_t)next);
	if (starts(kind, "f:"))
		return flags_value(ctx, name, raw, set_after(kind, "f:"));
	if (starts(kind, "f4:"))
		return flags_value(ctx, name, (uint32_t)raw,
				   set_after(kind, "f4:"));
	if (starts(kind, "vl:"))
		return vl_value(ctx, name, raw, set_after(kind, "vl:"));
	if (starts(kind, "s:"))
		return string_of(ctx, name, raw, strtoul(kind + 2, NULL, 10));
	if (starts(kind, "o:") || strcmp(kind, "p") == 0)
		return value_ptr(ar, name, raw);
	if (strcmp(kind, "str") == 0)
		return decode_cstring(ctx, name, raw, ctx->opts->string_limit);
	if (strcmp(kind, "sig") == 0)
		return raw > 128 ? value_uint(ar, name, raw) :
		       signal_value(ctx, name, (int)raw);
	if (strcmp(kind, "fprog") == 0)
		return seccomp_fprog_value(ctx, name, raw);
	if (strcmp(kind, "tagged") == 0)
		return tagged_value(ctx, name, raw);
	if (strcmp(kind, "u") == 0)
		return value_uint(ar, name, raw);
	if (strcmp(kind, "d") == 0)
		return value_int(ar, name, (int64_t)raw);
	if (strcmp(kind, "i") == 0)
		return value_int(ar, name, (int32_t)raw);
	return value_hex(ar, name, raw);
}

/* The call's options: the set its first argument names (in the
 * syscall list: prctl_option(SET)). */
static const struct xlat *option_set(const struct syscall_event *sc)
{
	const struct xlat *x = sc->desc->args[0].xlat;

	return x ? x : &xlat_prctl_option;
}

static const char *option_spec(const struct syscall_event *sc)
{
	const struct xlat_entry *e = xlat_find(option_set(sc),
					       (uint32_t)sc->raw_args[0]);

	return e ? e->msg : NULL;
}

struct value *decode_prctl_option(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	uint64_t *arg = ctx->sc->raw_args;
	struct prctl_plan p;
	struct value *v;

	prctl_plan(option_spec(ctx->sc), arg[1], &p);
	/* arch_prctl has one argument after its code */
	if (p.nargs + 1 > (unsigned)ctx->sc->desc->nargs)
		p.nargs = (unsigned)ctx->sc->desc->nargs - 1;
	for (unsigned i = 0; i < p.nargs; i++)
		decode_replace_arg(ctx, i + 1, kind_value(ctx, p.kind[i],
				   arg_names[i], arg[i + 1],
				   i + 2 < MAX_ARGS ? arg[i + 2] : 0));
	decode_end_args(ctx, 1 + p.nargs);
	v = value_enum(ctx->arena, a->name, (uint32_t)raw, option_set(ctx->sc),
		       V_HEX);
	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, option_set(ctx->sc));
	return v;
}

/* At entry decode_prctl_option gave the argument its value; at exit an
 * argument the call writes shows what it wrote. */
struct value *decode_prctl_arg(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	uint64_t *arg = ctx->sc->raw_args;
	unsigned i = ctx->cur - 1;
	struct prctl_plan p;

	if (!ctx->at_exit || i >= PRCTL_ARGS)
		return decode_entry_value(ctx);
	prctl_plan(option_spec(ctx->sc), arg[1], &p);
	if (i >= p.nargs || !starts(p.kind[i], "o:"))
		return decode_entry_value(ctx);
	return written_value(ctx, p.kind[i] + 2, a->name, raw);
}

/* What some options return, named as the column says: a value of a set
 * in decimal, named even under -X raw; flags (and what is made of flags)
 * in hex, named where they name anything. */
struct value *decode_prctl_ret(struct decode_ctx *ctx, const struct arg_desc *a,
			       uint64_t raw)
{
	struct arena *ar = ctx->arena;
	struct prctl_plan p;
	struct value *flags = NULL;
	const char *name;

	prctl_plan(option_spec(ctx->sc), ctx->sc->raw_args[1], &p);
	if (starts(p.ret, "e:")) {
		name = xlat_name(set_after(p.ret, "e:"), raw);
		if (name)
			ctx->sc->ret_note = value_expr(ar, NULL, raw, name);
		return value_int(ar, a->name, (int64_t)raw);
	}
	if (starts(p.ret, "f:"))
		flags = value_flags(ar, NULL, raw, set_after(p.ret, "f:"));
	else if (starts(p.ret, "vl:"))
		flags = vl_value(ctx, NULL, raw, set_after(p.ret, "vl:"));
	else if (strcmp(p.ret, "tagged") == 0)
		flags = tagged_value(ctx, NULL, raw);
	if (!flags)
		return value_int(ar, a->name, (int64_t)raw);
	if (flags->kind == V_FLAGS && flags->u.flags.count) {
		ctx->sc->ret_note = value_expr(ar, NULL, raw,
					       flags_text(ar, flags));
		ctx->sc->ret_note->comment_xlat = true;
	}
	return value_hex(ar, a->name, raw);
}

/* The kinds kind_value and written_value know; those before the NULL
 * take a set after a colon. */
static const char *const kinds_with_set[] = {
	"e", "e4", "ev", "ev4", "id", "pid", "f", "f4", "vl", "xf8", NULL
};
static const char *const plain_kinds[] = {
	"u", "d", "i", "x", "p", "str", "sig", "fprog", "tagged", "u4",
	"pidt", "kptr", "x8", "*", NULL
};

static bool in_list(const char *const *list, const char *word, size_t len)
{
	for (; *list; list++)
		if (strlen(*list) == len && strncmp(*list, word, len) == 0)
			return true;
	return false;
}

/* One kind, without its condition: KIND, KIND:SET, s:N or o:KIND. */
static bool kind_known(const char *w, size_t len)
{
	const char *colon = memchr(w, ':', len);
	char set[KIND_MAX];

	if (len > 2 && starts(w, "o:"))
		return kind_known(w + 2, len - 2);
	if (!colon)
		return in_list(plain_kinds, w, len);
	if ((size_t)(colon - w) == 1 && w[0] == 's')
		return colon[1] >= '1' && colon[1] <= '9';
	if (!in_list(kinds_with_set, w, (size_t)(colon - w)))
		return false;
	len -= (size_t)(colon + 1 - w);
	if (len == 0 || len >= sizeof(set))
		return false;
	memcpy(set, colon + 1, len);
	set[len] = 0;
	return xlat_set(set) != NULL;
}

const char *prctl_column_error(const char *column)
{
	char buf[256], *w, *save = NULL;

	snprintf(buf, sizeof(buf), "%s", column);
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		const char *q = strchr(w, '?'), *bar = q ? strchr(q, '|') : NULL;

		if (strcmp(w, "=") == 0 || (w[0] == '!' && w[1]))
			continue;
		if (!kind_known(w, q ? (size_t)(q - w) : strlen(w)) ||
		    (bar && !kind_known(bar + 1, strlen(bar + 1))))
			return strstr(column, w);
	}
	return NULL;
}
