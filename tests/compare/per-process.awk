# With -f the lines of processes interleave differently in every run: each
# process's lines are put together (an "<unfinished ...>" line joined with
# its "<... resumed>"), processes in the order they first appear; the
# column of " = " is not compared there. Input: a trace written with -o
# (a bare pid before each line of a process).
	/^[0-9]+ / {
	pid = $1
	line = substr($0, length(pid) + 2)
	if (!(pid in seen)) {
		seen[pid] = 1
		order[++n] = pid
	}
	if (line ~ / <unfinished \.\.\.>$/) {
		sub(/ <unfinished \.\.\.>$/, "", line)
		pending[pid] = line
		next
	}
	if (line ~ /^<\.\.\. [a-z_0-9]+ resumed>/) {
		sub(/^<\.\.\. [a-z_0-9]+ resumed>/, "", line)
		line = pending[pid] line
	}
	# alignment counts the pid and varies with it: not compared
	sub(/\) +=/, ") =", line)
	out[pid, ++cnt[pid]] = "PID " line
	next
}
{ out["-", ++cnt["-"]] = $0; if (!("-" in seen)) { seen["-"] = 1; order[++n] = "-" } }
END {
	for (i = 1; i <= n; i++)
		for (j = 1; j <= cnt[order[i]]; j++)
			print out[order[i], j]
}
