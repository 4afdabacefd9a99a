# Turns tables/syscalls.list (signatures) and tables/<arch>.nr (numbers)
# into C: one syscall_desc per name and a number-indexed table per arch.
# usage: awk [-v compat=i386] -f gen-syscalls.awk include/arg_types.h \
#	syscalls.list x86_64.nr i386.nr aarch64.nr > out.c
# A name that has a number but no signature still gets a raw entry.  The
# tables of the arches named in compat (32-bit personalities) use a
# signature only when all its argument types are ARGP_COMPAT in
# arg_types.h (they decode the same there) and the line does not say
# !compat_raw; otherwise a raw entry of the same name, with the same
# classes and flags.

BEGIN {
	# "!word" in syscalls.list -> enum syscall_flag in syscalls.h
	flag_c["exec"] = "SF_EXEC"
	flag_c["never_returns"] = "SF_NEVER_RETURNS"
	flag_c["maps_code"] = "SF_MAPS_CODE"
	flag_c["creds"] = "SF_CREDS"
	flag_c["comm"] = "SF_COMM"
	flag_c["seccomp"] = "SF_SECCOMP"
	flag_c["prctl_option"] = "SF_PRCTL_OPTION"
	flag_c["writes"] = "SF_WRITES"
	flag_c["resumes"] = "SF_RESUMES"
	flag_c["enters_ns"] = "SF_ENTERS_NS"
}

function fail(msg) {
	fail_at(FILENAME ":" FNR, msg)
}

function fail_at(where, msg) {
	printf("%s: %s\n", where, msg) > "/dev/stderr"
	failed = 1
	exit 1
}

function trim(s) {
	gsub(/^[ \t]+|[ \t]+$/, "", s)
	return s
}

# arg_types.h: the X(NAME, decoder, phase, props) entries of ARG_TYPES,
# read whole (an entry may span lines) once the header is in types_text.
function parse_arg_types(    buf, i, j, entry, f, ty) {
	types_parsed = 1
	buf = types_text
	i = index(buf, "#define ARG_TYPES(X)")
	if (i == 0)
		fail("no ARG_TYPES list in the argument types header")
	buf = substr(buf, i + 20)
	while ((i = index(buf, "/*")) > 0) {
		j = index(substr(buf, i + 2), "*/")
		buf = substr(buf, 1, i - 1) " " substr(buf, i + j + 3)
	}
	while (match(buf, /X\([A-Z_0-9]+,[^)]*\)/)) {
		entry = substr(buf, RSTART + 2, RLENGTH - 3)
		buf = substr(buf, RSTART + RLENGTH)
		if (split(entry, f, ",") != 4)
			fail("bad argument type entry 'X(" entry ")'")
		ty = tolower(trim(f[1]))
		known_type[ty] = 1
		if (f[4] ~ /ARGP_COMPAT/)
			compat_safe[ty] = 1
		if (f[4] ~ /ARGP_PARAM/)
			needs_param[ty] = 1
	}
}

FILENAME ~ /arg_types\.h$/ {
	line = $0
	sub(/\\$/, "", line)
	types_text = types_text " " line
	next
}

# "!word ..." -> C expression of enum syscall_flag bits; !compat_raw and
# !native_layout are for this script only (see compat_ok)
function flags_init(name, words, n,    i, w, c) {
	c = ""
	for (i = 1; i <= n; i++) {
		w = substr(words[i], 2)
		if (w == "compat_raw") {
			compat_raw[name] = 1
			continue
		}
		if (w == "native_layout") {
			native_layout[name] = 1
			continue
		}
		if (!(w in flag_c))
			fail("unknown flag '" words[i] "' for " name)
		c = c (c == "" ? "" : "|") flag_c[w]
	}
	return c == "" ? "0" : c
}

# "name:type" or "name:type(param)" -> C initializer of struct arg_desc
function arg_init(spec, argnames, nargs,    nm, ty, param, p, i, pidx, xl) {
	if (!match(spec, /^[a-z_0-9]+:/))
		fail("bad argument '" spec "'")
	nm = substr(spec, 1, RLENGTH - 1)
	ty = substr(spec, RLENGTH + 1)
	param = ""
	if ((p = index(ty, "(")) > 0) {
		if (substr(ty, length(ty)) != ")")
			fail("bad type '" ty "'")
		param = substr(ty, p + 1, length(ty) - p - 1)
		ty = substr(ty, 1, p - 1)
	}
	if (!(ty in known_type))
		fail("unknown type '" ty "' (not in arg_types.h)")
	pidx = "PARAM_NONE"
	xl = "NULL"
	if (param != "" && (ty == "flags" || ty == "flags64" || ty == "enum" || ty == "enumd")) {
		# always a constant list, even when an argument has its name
		xl = "&xlat_" param
		used_xlat[param] = 1
	} else if (param == "ret") {
		pidx = "PARAM_RET"
	} else if (param ~ /^[0-9]+$/) {
		pidx = param
	} else if (param != "") {
		for (i = 1; i <= nargs; i++)
			if (argnames[i] == param)
				pidx = i - 1
		if (pidx == "PARAM_NONE") {
			xl = "&xlat_" param
			used_xlat[param] = 1
		}
	}
	# ARGP_PARAM: the decoder reads another argument or the result
	if ((ty in needs_param) && pidx == "PARAM_NONE")
		fail("type " ty " needs the argument it depends on: " ty "(NAME)")
	return sprintf("{ \"%s\", ARG_%s, %s, %s }", nm, toupper(ty), pidx, xl)
}

FILENAME ~ /syscalls\.list$/ {
	if (!types_parsed)
		parse_arg_types()
	line = $0
	sub(/#.*/, "", line)
	line = trim(line)
	if (line == "")
		next
	# "name !flag ...": no signature (traced raw), but flags
	if (line ~ /^[a-z_0-9]+([ \t]+![a-z_]+)+$/) {
		nw = split(line, words, /[ \t]+/)
		name = words[1]
		for (i = 1; i < nw; i++)
			words[i] = words[i + 1]
		if (name in rawflags)
			fail("duplicate flags for " name)
		rawflags[name] = flags_init(name, words, nw - 1)
		rawflags_line[name] = FNR
		list_file = FILENAME
		next
	}
	# name(args) = ret %class...
	if (!match(line, /^[a-z_0-9]+\(/))
		fail("expected 'name(' in '" line "'")
	name = substr(line, 1, RLENGTH - 1)
	rest = substr(line, RLENGTH + 1)
	close_paren = index(rest, ")")
	# types may contain parentheses: find the matching close
	depth = 1
	for (i = 1; i <= length(rest); i++) {
		c = substr(rest, i, 1)
		if (c == "(") depth++
		else if (c == ")" && --depth == 0) break
	}
	if (depth != 0)
		fail("unbalanced parentheses")
	arglist = trim(substr(rest, 1, i - 1))
	tail = trim(substr(rest, i + 1))
	if (!match(tail, /^= *[a-z_0-9()]+/))
		fail("expected '= rettype' after the arguments of " name)
	ret = trim(substr(tail, 2, RLENGTH - 1))
	classes = trim(substr(tail, RLENGTH + 1))
	if (name in sig)
		fail("duplicate signature for " name)

	n = 0
	delete names
	delete specs
	if (arglist != "" && arglist != "void") {
		n = split(arglist, specs, /, */)
		if (n > 6)
			fail(name ": more than 6 arguments")
		for (i = 1; i <= n; i++) {
			specs[i] = trim(specs[i])
			split(specs[i], parts, ":")
			names[i] = parts[1]
			ty = parts[2]
			sub(/\(.*/, "", ty)
			types[name] = types[name] " " ty
		}
	}
	init = ""
	for (i = 1; i <= n; i++)
		init = init (i > 1 ? ",\n\t\t    " : "") arg_init(specs[i], names, n)
	cls = ""
	nc = split(classes, cl, /[ \t]+/)
	nf = 0
	delete words
	for (i = 1; i <= nc; i++) {
		if (cl[i] ~ /^![a-z_]+$/) {
			words[++nf] = cl[i]
			continue
		}
		if (nf > 0)
			fail("classes come before flags for " name)
		if (cl[i] == "%%stat")
			c = "CLS_STAT_LIKE"
		else if (cl[i] == "%%statfs")
			c = "CLS_STATFS_LIKE"
		else if (cl[i] ~ /^%[a-z]+$/)
			c = "CLS_" toupper(substr(cl[i], 2))
		else
			fail("bad class '" cl[i] "' for " name)
		cls = cls (cls == "" ? "" : "|") c
	}
	if (cls == "")
		cls = "0"
	sigcls[name] = cls
	sigflags[name] = flags_init(name, words, nf)
	sig[name] = sprintf("\t{ .name = \"%s\", .nargs = %d, .classes = %s, .flags = %s,\n\t  .ret = %s,\n\t  .args = { %s } },\n",
	    name, n, cls, sigflags[name], arg_init("ret:" ret, names, n), init)
	order[++nsig] = name
	next
}

# Whether name's signature decodes right for a compat tracee.
function compat_ok(name,    n, i, t) {
	if (!(name in sig) || (name in compat_raw))
		return 0
	if (name in native_layout)
		return 1
	n = split(types[name], t, " ")
	for (i = 1; i <= n; i++)
		if (!(t[i] in compat_safe))
			return 0
	return 1
}

{
	line = $0
	sub(/#.*/, "", line)
	if (trim(line) == "")
		next
	arch = FILENAME
	sub(/.*\//, "", arch)
	sub(/\.nr$/, "", arch)
	if (!(arch in arch_seen)) {
		arch_seen[arch] = 1
		archs[++narch] = arch
	}
	nr[arch, $1] = $2
	if ($1 + 0 > maxnr[arch])
		maxnr[arch] = $1 + 0
	if (!($2 in sig) && !($2 in raw)) {
		raw[$2] = 1
		rawlist[++nraw] = $2
	}
}

END {
	if (failed)
		exit 1
	print "/* Generated by tables/gen-syscalls.awk from tables/syscalls.list and"
	print " * tables/ARCH.nr; do not edit. */"
	print "#include \"syscalls.h\""
	print "#include \"consts.h\""
	print ""
	print "const struct syscall_desc syscall_descs[] = {"
	idx = 0
	for (i = 1; i <= nsig; i++) {
		printf("%s", sig[order[i]])
		index_of[order[i]] = idx++
	}
	for (name in rawflags) {
		if (name in sig)
			fail_at(list_file ":" rawflags_line[name],
			    "the flags of " name " go on its signature's line")
		if (!(name in raw))
			fail_at(list_file ":" rawflags_line[name],
			    name " has no number in any table")
	}
	print "\t/* names that have a number but no signature yet: raw */"
	for (i = 1; i <= nraw; i++) {
		rf = (rawlist[i] in rawflags) ? sprintf(" .flags = %s,", rawflags[rawlist[i]]) : ""
		printf("\t{ .name = \"%s\", .nargs = 6, .raw = 1,%s .ret = { \"ret\", ARG_LONG, PARAM_NONE, NULL } },\n", rawlist[i], rf)
		index_of[rawlist[i]] = idx++
	}
	print "};"
	printf("const unsigned syscall_desc_count = %d;\n", idx)
	printf("const unsigned syscall_signature_count = %d;\n\n", nsig)
	split(compat, compat_list, /[ ,]+/)
	for (i in compat_list)
		is_compat[compat_list[i]] = 1
	ncraw = 0
	craw = ""
	for (a = 1; a <= narch; a++) {
		arch = archs[a]
		if (!(arch in is_compat))
			continue
		for (n = 0; n <= maxnr[arch]; n++) {
			if (!((arch, n) in nr))
				continue
			name = nr[arch, n]
			if (!(name in sig) || compat_ok(name) || (name in craw_index))
				continue
			craw = craw sprintf("\t{ .name = \"%s\", .nargs = 6, .raw = 1, .classes = %s, .flags = %s, .ret = { \"ret\", ARG_LONG, PARAM_NONE, NULL } },\n", name, sigcls[name], sigflags[name])
			craw_index[name] = ncraw++
		}
	}
	if (ncraw > 0) {
		print "/* compat personalities: names whose signature does not apply */"
		printf("static const struct syscall_desc compat_raw_descs[] = {\n%s};\n\n", craw)
	}
	for (a = 1; a <= narch; a++) {
		arch = archs[a]
		printf("static const struct syscall_desc *const table_%s[%d] = {\n", arch, maxnr[arch] + 1)
		count = 0
		for (n = 0; n <= maxnr[arch]; n++) {
			if (!((arch, n) in nr))
				continue
			name = nr[arch, n]
			if ((arch in is_compat) && (name in craw_index))
				printf("\t[%d] = &compat_raw_descs[%d],\n", n, craw_index[name])
			else
				printf("\t[%d] = &syscall_descs[%d],\n", n, index_of[name])
			count++
		}
		print "};"
		printf("const struct syscall_table syscall_table_%s = { \"%s\", table_%s, %d, %d };\n\n", arch, arch, arch, maxnr[arch] + 1, count)
	}
}
