/* Writes the timeline page: a lane per thread in process-tree order, time
 * to the right, marks that would overlap merged into one, a tooltip with
 * the text format's lines. One file, no network: inline SVG, CSS and a
 * few lines of script. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timeline_data.h"

#define LABEL_W 240	/* lane names */
#define PLOT_W 1000	/* the time axis */
#define RIGHT_W 110	/* exit labels after the last event */
#define LANE_H 16
#define TOP 34		/* the time axis labels */
#define BUCKET_PX 3	/* calls closer than this share one mark */
#define BAR_PX 3	/* a call at least this long is drawn as a bar */
#define TIP_LINES 4	/* lines shown for a merged mark */
#define FORK_ROWS 6	/* a child this close below is joined by a line */

/* Ten colours told apart at two pixels wide, none of them red. */
static const char *const class_colors[] = {
	"#b0b0b0", "#1f77b4", "#17becf", "#2ca02c", "#9467bd", "#ff7f0e",
	"#e377c2", "#6b6ecf", "#7f7f7f", "#bcbd22",
};
#define FAIL_COLOR "#d62728"

struct layout {
	struct timeline *tl;
	struct sink *s;
	int64_t t0, span;
	int *order;		/* lanes by row */
	int *kid, *next;	/* first child and next sibling, -1: none */
	int *owner;		/* the lane each hangs under, -1: a root */
	int nrows;
};

static void put_esc(struct sink *s, const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (p[i]) {
		case '&':
			sink_puts(s, "&amp;");
			break;
		case '<':
			sink_puts(s, "&lt;");
			break;
		case '>':
			sink_puts(s, "&gt;");
			break;
		case '"':
			sink_puts(s, "&quot;");
			break;
		case '\n':
			sink_puts(s, "&#10;");
			break;
		default:
			sink_putc(s, p[i]);
		}
	}
}

static double x_of(const struct layout *L, int64_t t)
{
	return LABEL_W + (double)(t - L->t0) * PLOT_W / (double)L->span;
}

static double y_of(int row)
{
	return TOP + row * LANE_H;
}

static void put_time(struct sink *s, int64_t ns)
{
	if (ns >= 10000000000LL || ns <= -10000000000LL)
		sink_printf(s, "%.2f s", (double)ns / 1e9);
	else
		sink_printf(s, "%.3f ms", (double)ns / 1e6);
}

/* --- the process tree */

/* The lane of the process that forked lane c: a %process call of it that
 * returned c's pid before c was first seen. */
static int parent_of(const struct timeline *tl, int c)
{
	const struct tl_lane *l = &tl->lanes[c];
	int best = -1;
	int64_t when = 0;

	for (size_t i = 0; i < tl->nforks; i++) {
		const struct tl_fork *f = &tl->forks[i];

		if (f->child != l->pid || f->t > l->first ||
		    tl->lanes[f->lane].pid == l->pid)
			continue;
		if (best < 0 || f->t > when) {
			best = (int)f->lane;
			when = f->t;
		}
	}
	return best;
}

/* A thread's lane hangs under its process's first thread. */
static int owner_of(const struct timeline *tl, int i)
{
	const struct tl_lane *l = &tl->lanes[i];

	if (l->tid != l->pid) {
		for (int j = i - 1; j >= 0; j--)
			if (tl->lanes[j].tid == l->pid)
				return j;
		for (int j = i - 1; j >= 0; j--)
			if (tl->lanes[j].pid == l->pid)
				return j;
	}
	return parent_of(tl, i);
}

static int by_first(const void *a, const void *b, void *arg)
{
	const struct timeline *tl = arg;
	int64_t x = tl->lanes[*(const int *)a].first;
	int64_t y = tl->lanes[*(const int *)b].first;

	return x < y ? -1 : x > y;
}

static void place(struct layout *L, int lane, int depth)
{
	L->tl->lanes[lane].row = L->nrows;
	L->tl->lanes[lane].depth = depth;
	L->order[L->nrows++] = lane;
	for (int k = L->kid[lane]; k >= 0; k = L->next[k])
		place(L, k, depth < 40 ? depth + 1 : depth);
}

/* Rows: every root by its first event, each followed by its threads and
 * its children, depth first. */
static int build_tree(struct layout *L)
{
	struct timeline *tl = L->tl;
	size_t n = tl->nlanes;
	int *sorted = malloc(n * sizeof(int) + 1);
	int *tail = malloc(n * sizeof(int) + 1), *owner;

	owner = L->owner = malloc(n * sizeof(int) + 1);
	L->order = malloc(n * sizeof(int) + 1);
	L->kid = malloc(n * sizeof(int) + 1);
	L->next = malloc(n * sizeof(int) + 1);
	if (!sorted || !tail || !owner || !L->order || !L->kid || !L->next) {
		free(sorted);
		free(tail);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		sorted[i] = (int)i;
		L->kid[i] = L->next[i] = tail[i] = -1;
		owner[i] = owner_of(tl, (int)i);
	}
	qsort_r(sorted, n, sizeof(int), by_first, tl);
	for (size_t i = 0; i < n; i++) {
		int c = sorted[i], o = owner[c];

		if (o < 0)
			continue;
		if (tail[o] < 0)
			L->kid[o] = c;
		else
			L->next[tail[o]] = c;
		tail[o] = c;
	}
	for (size_t i = 0; i < n; i++)
		if (owner[sorted[i]] < 0)
			place(L, sorted[i], 0);
	free(sorted);
	free(tail);
	return 0;
}

/* --- the page around the picture */

static const char head[] =
"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
"<title>mytrace timeline</title>\n<style>\n"
"body{font:13px sans-serif;margin:12px;color:#222}\n"
"svg{display:block;width:100%;height:auto}\n"
"svg text{font:11px monospace;fill:#222}\n"
"svg text.label{paint-order:stroke;stroke:#fff;stroke-width:3px}\n"
".legend span{display:inline-block;margin-right:14px}\n"
".legend i{display:inline-block;width:10px;height:10px;margin-right:4px;"
"vertical-align:middle}\n"
"#tip{position:absolute;display:none;background:#fffbe6;border:1px solid "
"#888;padding:4px 6px;font:12px monospace;white-space:pre;max-width:900px;"
"overflow:hidden;pointer-events:none;box-shadow:2px 2px 4px #aaa}\n"
"[data-tip]:hover{stroke:#000;stroke-width:1}\n"
"</style></head><body>\n";

static const char script[] =
"<div id=\"tip\"></div>\n<script>\n"
"var tip=document.getElementById('tip');\n"
"document.addEventListener('mousemove',function(e){\n"
" var t=e.target.closest?e.target.closest('[data-tip]'):null;\n"
" if(!t){tip.style.display='none';return;}\n"
" tip.textContent=t.getAttribute('data-tip');tip.style.display='block';\n"
" var x=e.pageX+14;\n"
" if(e.clientX+tip.offsetWidth+20>innerWidth)x=e.pageX-tip.offsetWidth-14;\n"
" tip.style.left=Math.max(0,x)+'px';tip.style.top=(e.pageY+14)+'px';\n"
"});\n</script>\n</body></html>\n";

static void put_summary(struct layout *L)
{
	struct timeline *tl = L->tl;
	struct sink *s = L->s;
	size_t procs = 0, calls = 0, failed = 0;

	for (size_t i = 0; i < tl->nlanes; i++)
		procs += tl->lanes[i].tid == tl->lanes[i].pid;
	for (size_t i = 0; i < tl->nmarks; i++) {
		calls += tl->marks[i].kind == MK_CALL;
		failed += tl->marks[i].kind == MK_CALL && tl->marks[i].failed;
	}
	sink_printf(s, "<p><b>mytrace timeline</b>: %zu processes, %zu "
		    "threads, %zu syscalls (%zu failed) over ", procs,
		    tl->nlanes - procs, calls, failed);
	put_time(s, L->span);
	sink_puts(s, ". Hover a mark for its line; marks closer than "
		  "3 pixels are merged.</p>\n<p class=\"legend\">");
	for (unsigned i = 1; i < tl_nclasses; i++)
		sink_printf(s, "<span><i style=\"background:%s\"></i>%s</span>",
			    class_colors[i], tl_class_names[i]);
	sink_printf(s, "<span><i style=\"background:%s\"></i>other</span>"
		    "<span><i style=\"background:%s\"></i>failed</span>"
		    "<span>&#9670; exec</span><span>&#9679; exit</span>"
		    "<span>&#9644; long call</span></p>\n",
		    class_colors[0], FAIL_COLOR);
}

static void put_axis(struct layout *L, double height)
{
	static const int64_t steps[] = {
		1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000,
		500000, 1000000, 2000000, 5000000, 10000000, 20000000,
		50000000, 100000000, 200000000, 500000000, 1000000000,
		2000000000, 5000000000, 10000000000, 30000000000,
		60000000000, 300000000000, 600000000000,
	};
	int64_t step = steps[sizeof(steps) / sizeof(steps[0]) - 1];

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (L->span / steps[i] <= 10) {
			step = steps[i];
			break;
		}
	}
	for (int64_t t = 0; t <= L->span; t += step) {
		double x = x_of(L, L->t0 + t);

		sink_printf(L->s, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%.1f\" "
			    "y=\"%d\" text-anchor=\"middle\">", x, TOP - 6, x,
			    height, x, TOP - 10);
		put_time(L->s, t);
		sink_puts(L->s, "</text>\n");
	}
}

/* --- lanes and their marks */

/* The fork: a dashed line down from the parent's lane when it is close
 * above; from farther (make and its hundreds of children) lines would
 * cross every lane between, so the parent's lane gets a tick instead. */
static void put_fork(struct layout *L, int parent_row, int row, double x)
{
	double top = y_of(parent_row) + (row - parent_row <= FORK_ROWS ?
					 LANE_H / 2.0 : LANE_H - 3);

	if (row - parent_row > FORK_ROWS)
		sink_printf(L->s, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"#9467bd\"/>\n", x,
			    y_of(parent_row) + 2, x, top);
	else
		sink_printf(L->s, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			    "y2=\"%.1f\" stroke=\"#9467bd\" "
			    "stroke-dasharray=\"2,2\"/>\n", x, top, x,
			    y_of(row) + 2);
}

static void put_lane(struct layout *L, int row)
{
	struct timeline *tl = L->tl;
	const struct tl_lane *l = &tl->lanes[L->order[row]];
	struct sink *s = L->s;
	double y = y_of(row), x0 = x_of(L, l->first), x1 = x_of(L, l->last);
	bool thread = l->tid != l->pid;

	if (row % 2)
		sink_printf(s, "<rect x=\"0\" y=\"%.1f\" width=\"%d\" "
			    "height=\"%d\" fill=\"#f4f4f4\"/>\n", y,
			    LABEL_W + PLOT_W + RIGHT_W, LANE_H);
	sink_printf(s, "<g class=\"lane\" data-pid=\"%d\" data-tid=\"%d\" "
		    "data-comm=\"", l->pid, l->tid);
	put_esc(s, l->comm, strnlen(l->comm, sizeof(l->comm)));
	/* a process that failed: its name in red, as its exit */
	sink_printf(s, "\"%s><text x=\"%d\" y=\"%.1f\"%s>",
		    l->failed ? " data-failed=\"1\"" : "", 4 + 10 * l->depth,
		    y + LANE_H - 4, l->failed ? " style=\"fill:" FAIL_COLOR
		    ";font-weight:bold\"" : "");
	if (thread)
		sink_printf(s, "thread %d", l->tid);
	else {
		put_esc(s, l->comm, strnlen(l->comm, sizeof(l->comm)));
		sink_printf(s, " %d", l->pid);
	}
	sink_printf(s, "</text><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"#bbb\" stroke-width=\"2\"/>\n",
		    x0, y + LANE_H / 2.0, x1 < x0 + 1 ? x0 + 1 : x1,
		    y + LANE_H / 2.0);
	sink_puts(s, "</g>\n");
	if (!thread && L->owner[L->order[row]] >= 0)
		put_fork(L, tl->lanes[L->owner[L->order[row]]].row, row, x0);
}

static int by_lane_time(const void *a, const void *b, void *arg)
{
	const struct timeline *tl = arg;
	const struct tl_mark *x = &tl->marks[*(const int *)a];
	const struct tl_mark *y = &tl->marks[*(const int *)b];
	int rx = tl->lanes[x->lane].row, ry = tl->lanes[y->lane].row;

	if (rx != ry)
		return rx < ry ? -1 : 1;
	return x->t < y->t ? -1 : x->t > y->t;
}

static void put_tip_head(struct layout *L, const struct tl_mark *m)
{
	const struct tl_lane *l = &L->tl->lanes[m->lane];

	sink_puts(L->s, " data-tip=\"+");
	put_time(L->s, m->t - L->t0);
	sink_puts(L->s, "  ");
	put_esc(L->s, l->comm, strnlen(l->comm, sizeof(l->comm)));
	sink_printf(L->s, " [%d]&#10;", l->tid);
}

static void put_line(struct layout *L, const struct tl_mark *m)
{
	put_esc(L->s, L->tl->text + m->text, m->text_len);
}

/* A run of short calls in one bucket of one lane: one mark, red when
 * any failed, else the colour of the class most of them are in. */
static void put_group(struct layout *L, const int *idx, size_t n)
{
	const struct timeline *tl = L->tl;
	const struct tl_mark *first = &tl->marks[idx[0]];
	unsigned per_class[16] = { 0 }, best = 0, shown = 0;
	size_t nfailed = 0;
	const char *names[6];
	unsigned counts[6], nnames = 0, others = 0;
	bool failed = false;

	for (size_t i = 0; i < n; i++) {
		const struct tl_mark *m = &tl->marks[idx[i]];
		unsigned k;

		failed |= m->failed;
		per_class[m->cls]++;
		for (k = 0; k < nnames && names[k] != m->name; k++)
			;
		if (k < nnames)
			counts[k]++;
		else if (nnames < 6) {
			names[nnames] = m->name;
			counts[nnames++] = 1;
		} else
			others++;
	}
	for (unsigned c = 1; c < tl_nclasses; c++)
		if (per_class[c] > per_class[best])
			best = c;
	/* a failed mark is the full lane high: red stands out */
	sink_printf(L->s, "<rect class=\"call%s\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"2\" height=\"%d\" fill=\"%s\"",
		    failed ? " fail" : "", x_of(L, first->t),
		    y_of(tl->lanes[first->lane].row) + (failed ? 1 : 3),
		    failed ? LANE_H - 2 : LANE_H - 6,
		    failed ? FAIL_COLOR : class_colors[best]);
	put_tip_head(L, first);
	if (n > 1) {
		sink_printf(L->s, "%zu calls:", n);
		for (unsigned k = 0; k < nnames; k++)
			sink_printf(L->s, " %u %s", counts[k], names[k]);
		if (others)
			sink_printf(L->s, " and %u more", others);
		sink_puts(L->s, "&#10;");
	}
	/* the failed lines first: they are why one looks; past TIP_LINES
	 * the last ones, which came just before whatever followed */
	for (size_t i = 0; i < n; i++)
		nfailed += tl->marks[idx[i]].failed;
	for (int pass = 0; pass < 2; pass++) {
		size_t skip = pass == 0 && nfailed > TIP_LINES ?
			      nfailed - TIP_LINES : 0;

		for (size_t i = 0; i < n && shown < TIP_LINES; i++) {
			const struct tl_mark *m = &tl->marks[idx[i]];

			if (m->failed != (pass == 0))
				continue;
			if (skip) {
				skip--;
				continue;
			}
			put_line(L, m);
			sink_puts(L->s, "&#10;");
			shown++;
		}
	}
	if (n > shown)
		sink_printf(L->s, "...");
	sink_puts(L->s, "\"/>\n");
}

/* A call long enough to see: a bar from its entry to its exit. */
static void put_bar(struct layout *L, const struct tl_mark *m)
{
	double x0 = x_of(L, m->t), x1 = x_of(L, m->t + m->dur);

	sink_printf(L->s, "<rect class=\"call long%s\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%d\" fill=\"%s\" "
		    "fill-opacity=\"0.55\"", m->failed ? " fail" : "", x0,
		    y_of(L->tl->lanes[m->lane].row) + 4, x1 - x0, LANE_H - 8,
		    m->failed ? FAIL_COLOR : class_colors[m->cls]);
	put_tip_head(L, m);
	put_line(L, m);
	sink_puts(L->s, "&#10;blocked for ");
	put_time(L->s, m->dur);
	sink_puts(L->s, "\"/>\n");
}

static void put_label(struct layout *L, double x, double y, bool left,
		      const char *color, const char *text)
{
	/* a label left of a mark near the lane names goes right of it */
	if (left && x - LABEL_W < 8 * (double)strlen(text))
		left = false;
	sink_printf(L->s, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"%s\" "
		    "fill=\"%s\" style=\"fill:%s\">", left ? x - 6 : x + 6,
		    y + LANE_H - 4, left ? "end" : "start", color, color);
	put_esc(L->s, text, strlen(text));
	sink_puts(L->s, "</text>\n");
}

/* Execs (a diamond and the new command), exits (a dot and the status)
 * and signals (a small triangle). */
static void put_event_mark(struct layout *L, const struct tl_mark *m)
{
	const struct tl_lane *l = &L->tl->lanes[m->lane];
	double x = x_of(L, m->t), y = y_of(l->row), cy = y + LANE_H / 2.0;
	const char *comm = m->kind == MK_EXEC ? L->tl->text + m->label : "";
	char label[64], sig[16];

	switch (m->kind) {
	case MK_EXEC:
		sink_printf(L->s, "<path class=\"exec\" data-comm=\"");
		put_esc(L->s, comm, strlen(comm));
		sink_printf(L->s, "\" d=\"M%.1f %.1fl5 5l-5 5l-5 -5z\" "
			    "fill=\"#6a3d9a\"", x, cy - 5);
		put_tip_head(L, m);
		sink_puts(L->s, "exec ");
		put_esc(L->s, comm, strlen(comm));
		sink_puts(L->s, "&#10;");
		break;
	case MK_EXIT:
	case MK_KILLED:
		sink_printf(L->s, "<circle class=\"exit%s\" data-status=\"%d\" "
			    "cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"",
			    m->failed ? " fail" : "", m->status, x, cy,
			    m->failed ? FAIL_COLOR : "#2ca02c");
		put_tip_head(L, m);
		break;
	default:
		sink_printf(L->s, "<path class=\"signal\" d=\"M%.1f %.1fl4 7h-8z\""
			    " fill=\"#e0a800\"", x, cy - 4);
		put_tip_head(L, m);
		break;
	}
	put_line(L, m);
	sink_puts(L->s, "\"/>\n");
	if (m->kind == MK_EXEC) {
		put_label(L, x, y, true, "#6a3d9a", comm);
	} else if (m->failed) {
		/* "exit 0" on every lane of a build is noise: the green dot
		 * and its tooltip say it */
		if (m->kind == MK_EXIT)
			snprintf(label, sizeof(label), "exit %d", m->status);
		else
			snprintf(label, sizeof(label), "killed %s",
				 format_signal_name(m->status, sig));
		put_label(L, x, y, false, FAIL_COLOR, label);
	}
}

static bool is_bar(const struct layout *L, const struct tl_mark *m)
{
	return m->kind == MK_CALL &&
	       (double)m->dur * PLOT_W / (double)L->span >= BAR_PX;
}

static long bucket_of(const struct layout *L, const struct tl_mark *m)
{
	return (long)((x_of(L, m->t) - LABEL_W) / BUCKET_PX);
}

/* Every mark, lane by lane in time order; the event marks last, on top. */
static void put_marks(struct layout *L)
{
	const struct timeline *tl = L->tl;
	int *idx = malloc(tl->nmarks * sizeof(int) + 1);
	size_t i, j;

	if (!idx)
		return;
	for (i = 0; i < tl->nmarks; i++)
		idx[i] = (int)i;
	qsort_r(idx, tl->nmarks, sizeof(int), by_lane_time, (void *)tl);
	for (i = 0; i < tl->nmarks; i = j) {
		const struct tl_mark *m = &tl->marks[idx[i]];

		j = i + 1;
		if (m->kind != MK_CALL)
			continue;
		if (is_bar(L, m)) {
			put_bar(L, m);
			continue;
		}
		while (j < tl->nmarks) {
			const struct tl_mark *n = &tl->marks[idx[j]];

			if (n->kind != MK_CALL || n->lane != m->lane ||
			    is_bar(L, n) || bucket_of(L, n) != bucket_of(L, m))
				break;
			j++;
		}
		put_group(L, idx + i, j - i);
	}
	for (i = 0; i < tl->nmarks; i++)
		if (tl->marks[idx[i]].kind != MK_CALL)
			put_event_mark(L, &tl->marks[idx[i]]);
	free(idx);
}

void timeline_write_html(struct timeline *tl, struct sink *s)
{
	struct layout L = { .tl = tl, .s = s };
	double height;

	L.t0 = 0;
	L.span = tl->end;
	for (size_t i = 0; i < tl->nlanes; i++)
		if (tl->lanes[i].first < L.t0)
			L.t0 = tl->lanes[i].first;
	L.span = tl->end - L.t0;
	if (L.span <= 0)
		L.span = 1000;
	sink_puts(s, head);
	if (build_tree(&L) < 0) {
		sink_puts(s, "<p>mytrace: out of memory</p></body></html>\n");
		goto out;
	}
	put_summary(&L);
	height = y_of(L.nrows) + 4;
	/* drawn at its own size, shrunk to fit a narrower window so that
	 * the end of the run (where a failure usually is) stays in view */
	sink_printf(s, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "viewBox=\"0 0 %d %.0f\" style=\"max-width:%dpx\">\n",
		    LABEL_W + PLOT_W + RIGHT_W, height,
		    LABEL_W + PLOT_W + RIGHT_W);
	put_axis(&L, height);
	for (int r = 0; r < L.nrows; r++)
		put_lane(&L, r);
	put_marks(&L);
	sink_puts(s, "</svg>\n");
	sink_puts(s, script);
out:
	free(L.order);
	free(L.kid);
	free(L.next);
	free(L.owner);
}
