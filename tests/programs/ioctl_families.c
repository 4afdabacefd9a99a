/* Makes the ioctl requests of device families whose arguments mytrace
 * decodes (src/decode/ioctl_*.c) on a bad descriptor and prints, for
 * each, the line mytrace must trace; requests and sizes come from the
 * uapi macros, so the lines hold on every architecture. */
#include <asm/termbits.h>
#include <linux/blkpg.h>
#include <linux/counter.h>
#include <linux/fs.h>
#include <linux/gpio.h>
#include <linux/input.h>
#include <linux/kd.h>
/* glibc's before linux/keyboard.h, whose linux/wait.h clashes with it */
#include <sys/wait.h>
#include <linux/keyboard.h>
#include <linux/kvm.h>
#include <linux/lirc.h>
#include <linux/loop.h>
#include <linux/hdreg.h>
#include <linux/ptp_clock.h>
#include <linux/rtc.h>
#include <linux/seccomp.h>
#include <linux/userfaultfd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <mtd/ubi-user.h>
#include <scsi/sg.h>
#include <unistd.h>

#define EBADF_TAIL " = -1 EBADF (Bad file descriptor)"
#define INJECTED_TAIL " = 42 (INJECTED)"

/* "inject": mytrace runs us with -e inject=ioctl:retval=42, so what a
 * call would write shows as written; otherwise every call fails */
static int injected;

static void expect(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#include <stdarg.h>
static void expect(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	puts(injected ? INJECTED_TAIL : EBADF_TAIL);
}

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

static void fs_x_calls(void)
{
	struct fstrim_range r = { .start = 0x1000, .len = 65536,
				  .minlen = 512 };
	struct fsxattr x = { .fsx_xflags = FS_XFLAG_APPEND | FS_XFLAG_DAX,
			     .fsx_extsize = 4096, .fsx_projid = 0x2a };

	ioctl(-1, FIFREEZE, 0x77);
	puts("ioctl(-1, FIFREEZE)" EBADF_TAIL);
	ioctl(-1, FITRIM, &r);
	puts("ioctl(-1, FITRIM, {start=0x1000, len=65536, minlen=512})"
	     EBADF_TAIL);
	ioctl(-1, FS_IOC_FSSETXATTR, &x);
	puts("ioctl(-1, FS_IOC_FSSETXATTR, {fsx_xflags=FS_XFLAG_APPEND|"
	     "FS_XFLAG_DAX, fsx_extsize=4096, fsx_projid=0x2a, "
	     "fsx_cowextsize=0})" EBADF_TAIL);
	x.fsx_xflags = 0x4;
	ioctl(-1, FS_IOC_FSSETXATTR, &x);
	puts("ioctl(-1, FS_IOC_FSSETXATTR, {fsx_xflags=0x4 /* FS_XFLAG_??? */"
	     ", fsx_extsize=4096, fsx_projid=0x2a, fsx_cowextsize=0})"
	     EBADF_TAIL);
	ioctl(-1, FS_IOC_FSGETXATTR, 0);
	puts("ioctl(-1, FS_IOC_FSGETXATTR, NULL)" EBADF_TAIL);
}

static void hdio_calls(void)
{
	struct hd_geometry g = { .heads = 4, .sectors = 63, .cylinders = 1000,
				 .start = 2048 };
	unsigned char cmd[4 + 512] = { 0xec, 1, 2, 0 };
	unsigned long val = 7;

	ioctl(-1, HDIO_GETGEO, &g);
	if (injected)
		expect("ioctl(-1, HDIO_GETGEO, {heads=4, sectors=63, "
		       "cylinders=1000, start=2048})");
	else
		expect("ioctl(-1, HDIO_GETGEO, %p)", (void *)&g);
	ioctl(-1, HDIO_SET_DMA, 3UL);
	expect("ioctl(-1, HDIO_SET_DMA, 3)");
	ioctl(-1, HDIO_GET_DMA, &val);
	if (injected)
		expect("ioctl(-1, HDIO_GET_DMA, [7])");
	else
		expect("ioctl(-1, HDIO_GET_DMA, %p)", (void *)&val);
	ioctl(-1, HDIO_SET_BUSSTATE, (unsigned long)BUSSTATE_ON);
	expect("ioctl(-1, HDIO_SET_BUSSTATE, BUSSTATE_ON)");
	ioctl(-1, HDIO_SET_NICE, 1UL << IDE_NICE_1 | 1UL << IDE_NICE_0);
	expect("ioctl(-1, HDIO_SET_NICE, 1 << IDE_NICE_1|1 << IDE_NICE_0)");
	ioctl(-1, HDIO_DRIVE_CMD, cmd);
	if (injected)
		expect("ioctl(-1, HDIO_DRIVE_CMD, {command=ATA_CMD_ID_ATA, "
		       "sector_number=1, feature=2, sector_count=0} => "
		       "{status=0xec, error=1, nsector=2})");
	else
		expect("ioctl(-1, HDIO_DRIVE_CMD, {command=ATA_CMD_ID_ATA, "
		       "sector_number=1, feature=2, sector_count=0})");
	/* no decoder for this one: the number, 0 and not NULL */
	ioctl(-1, HDIO_GET_QDMA, 0);
	expect("ioctl(-1, HDIO_GET_QDMA, 0)");
}

static void ptp_calls(void)
{
	struct ptp_extts_request ex = { .index = 1,
					.flags = PTP_ENABLE_FEATURE |
						 PTP_RISING_EDGE };
	struct ptp_perout_request po;
	struct ptp_sys_offset so;
	struct ptp_pin_desc pin;

	ioctl(-1, PTP_EXTTS_REQUEST, &ex);
	expect("ioctl(-1, PTP_EXTTS_REQUEST, {index=1, "
	       "flags=PTP_ENABLE_FEATURE|PTP_RISING_EDGE})");
	ex.rsv[1] = 5;
	ioctl(-1, PTP_EXTTS_REQUEST2, &ex);
	expect("ioctl(-1, PTP_EXTTS_REQUEST2, {index=1, "
	       "flags=PTP_ENABLE_FEATURE|PTP_RISING_EDGE, rsv=[0, 0x5]})");
	memset(&po, 0, sizeof(po));
	po.period.sec = 1;
	po.index = 2;
	po.flags = PTP_PEROUT_ONE_SHOT;
	ioctl(-1, PTP_PEROUT_REQUEST, &po);
	expect("ioctl(-1, PTP_PEROUT_REQUEST, {start={sec=0, nsec=0}, "
	       "period={sec=1, nsec=0}, index=2, "
	       "flags=PTP_PEROUT_ONE_SHOT})");
	memset(&so, 0, sizeof(so));
	so.n_samples = 1;
	ioctl(-1, PTP_SYS_OFFSET, &so);
	if (injected)
		expect("ioctl(-1, PTP_SYS_OFFSET, {n_samples=1, "
		       "ts=[{sec=0, nsec=0}, {sec=0, nsec=0}, "
		       "{sec=0, nsec=0}]})");
	else
		expect("ioctl(-1, PTP_SYS_OFFSET, {n_samples=1})");
	memset(&pin, 0, sizeof(pin));
	strcpy(pin.name, "pin0");
	pin.index = 3;
	pin.func = PTP_PF_PEROUT;
	ioctl(-1, PTP_PIN_SETFUNC, &pin);
	expect("ioctl(-1, PTP_PIN_SETFUNC, {index=3, func=PTP_PF_PEROUT, "
	       "chan=0})");
	ioctl(-1, PTP_PIN_GETFUNC, &pin);
	if (injected)
		expect("ioctl(-1, PTP_PIN_GETFUNC, {index=3, name=\"pin0\", "
		       "func=PTP_PF_PEROUT, chan=0})");
	else
		expect("ioctl(-1, PTP_PIN_GETFUNC, {index=3})");
}

static void seccomp_calls(void)
{
	struct seccomp_notif_resp resp = {
		.id = 0x10, .val = -1, .error = -13,
		.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE };
	struct seccomp_notif_addfd addfd = {
		.id = 0x11, .flags = SECCOMP_ADDFD_FLAG_SETFD,
		.srcfd = 0, .newfd = 9 };
	uint64_t id = 0xabc;

	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	expect("ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, {id=0x10, val=-1, "
	       "error=-EACCES, flags=SECCOMP_USER_NOTIF_FLAG_CONTINUE})");
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd);
	expect("ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, {id=0x11, "
	       "flags=SECCOMP_ADDFD_FLAG_SETFD, srcfd=0, newfd=9, "
	       "newfd_flags=0})");
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID, &id);
	expect("ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID, [0xabc])");
}

static void gpio_calls(void)
{
	struct gpioline_info li = { .line_offset = 5 };
	struct gpioevent_request er = {
		.lineoffset = 2, .handleflags = GPIOHANDLE_REQUEST_INPUT,
		.eventflags = GPIOEVENT_REQUEST_BOTH_EDGES, .fd = 7 };
	struct gpio_v2_line_values lv = { .bits = 0x3, .mask = 0xf };
	struct gpiochip_info ci = { .name = "chip0", .label = "lbl",
				    .lines = 8 };

	strcpy(er.consumer_label, "me");
	ioctl(-1, GPIO_GET_LINEINFO_IOCTL, &li);
	if (injected)
		expect("ioctl(-1, GPIO_GET_LINEINFO_IOCTL, {line_offset=5} => "
		       "{flags=0, name=\"\", consumer=\"\"})");
	else
		expect("ioctl(-1, GPIO_GET_LINEINFO_IOCTL, {line_offset=5})");
	ioctl(-1, GPIO_GET_LINEEVENT_IOCTL, &er);
	if (injected)
		expect("ioctl(-1, GPIO_GET_LINEEVENT_IOCTL, {lineoffset=2, "
		       "handleflags=GPIOHANDLE_REQUEST_INPUT, "
		       "eventflags=GPIOEVENT_REQUEST_BOTH_EDGES, "
		       "consumer_label=\"me\"} => {fd=7})");
	else
		expect("ioctl(-1, GPIO_GET_LINEEVENT_IOCTL, {lineoffset=2, "
		       "handleflags=GPIOHANDLE_REQUEST_INPUT, "
		       "eventflags=GPIOEVENT_REQUEST_BOTH_EDGES, "
		       "consumer_label=\"me\"})");
	ioctl(-1, GPIO_V2_LINE_SET_VALUES_IOCTL, &lv);
	expect("ioctl(-1, GPIO_V2_LINE_SET_VALUES_IOCTL, {bits=0x3, "
	       "mask=0xf})");
	ioctl(-1, GPIO_GET_CHIPINFO_IOCTL, &ci);
	if (injected)
		expect("ioctl(-1, GPIO_GET_CHIPINFO_IOCTL, {name=\"chip0\", "
		       "label=\"lbl\", lines=8})");
	else
		expect("ioctl(-1, GPIO_GET_CHIPINFO_IOCTL, %p)", (void *)&ci);
}

static void rtc_calls(void)
{
	struct rtc_time t = { .tm_sec = 1, .tm_min = 2, .tm_hour = 3,
			      .tm_mday = 4, .tm_mon = 5, .tm_year = 126 };
	unsigned long epoch = 1900;
	unsigned int vl = RTC_VL_BACKUP_LOW;

	ioctl(-1, RTC_SET_TIME, &t);
	expect("ioctl(-1, RTC_SET_TIME, {tm_sec=1, tm_min=2, tm_hour=3, "
	       "tm_mday=4, tm_mon=5, tm_year=126, ...})");
	ioctl(-1, RTC_EPOCH_READ, &epoch);
	if (injected)
		expect("ioctl(-1, RTC_EPOCH_READ, [1900])");
	else
		expect("ioctl(-1, RTC_EPOCH_READ, %p)", (void *)&epoch);
	ioctl(-1, RTC_VL_READ, &vl);
	if (injected)
		expect("ioctl(-1, RTC_VL_READ, [RTC_VL_BACKUP_LOW])");
	else
		expect("ioctl(-1, RTC_VL_READ, %p)", (void *)&vl);
}

static void ubi_calls(void)
{
	struct ubi_mkvol_req mk;
	int32_t vol = 3;

	memset(&mk, 0, sizeof(mk));
	mk.vol_id = 1;
	mk.alignment = 1;
	mk.bytes = 4096;
	mk.vol_type = UBI_DYNAMIC_VOLUME;
	mk.name_len = 3;
	strcpy(mk.name, "vol");
	ioctl(-1, UBI_IOCMKVOL, &mk);
	expect("ioctl(-1, UBI_IOCMKVOL, {vol_id=1, alignment=1, bytes=4096, "
	       "vol_type=UBI_DYNAMIC_VOLUME, flags=0, name_len=3, "
	       "name=\"vol\"}%s)", injected ? " => [1]" : "");
	ioctl(-1, UBI_IOCRMVOL, &vol);
	expect("ioctl(-1, UBI_IOCRMVOL, [3])");
	ioctl(-1, UBI_IOCVOLRMBLK, 0x55);
	expect("ioctl(-1, UBI_IOCVOLRMBLK)");
}

static void evdev_calls(void)
{
	unsigned int key[2] = { 30, KEY_ESC };
	unsigned char bits[64] = { 0x6 };
	struct input_id id = { .bustype = 3, .vendor = 0x46d,
			       .product = 0xc52b, .version = 0x111 };

	ioctl(-1, EVIOCSKEYCODE, key);
	expect("ioctl(-1, EVIOCSKEYCODE, [30, KEY_ESC])");
	ioctl(-1, EVIOCGABS(ABS_Y), 0);
	expect("ioctl(-1, EVIOCGABS(ABS_Y), NULL)");
	ioctl(-1, EVIOCGABS(0x3e), 0);
	expect("ioctl(-1, EVIOCGABS(0x3e /* ABS_??? */), NULL)");
	ioctl(-1, EVIOCGNAME(64), 0);
	expect("ioctl(-1, EVIOCGNAME(64), NULL)");
	ioctl(-1, EVIOCGID, &id);
	if (injected)
		expect("ioctl(-1, EVIOCGID, {bustype=3, vendor=1133, "
		       "product=50475, version=273})");
	else
		expect("ioctl(-1, EVIOCGID, %p)", (void *)&id);
	ioctl(-1, EVIOCGBIT(EV_KEY, sizeof(bits)), bits);
	if (injected)
		expect("ioctl(-1, EVIOCGBIT(EV_KEY, 64), [KEY_ESC KEY_1])");
	else
		expect("ioctl(-1, EVIOCGBIT(EV_KEY, 64), %p)", (void *)bits);
}

static void lirc_calls(void)
{
	uint32_t mode = LIRC_MODE_PULSE, carrier = 38000;

	ioctl(-1, LIRC_SET_SEND_MODE, &mode);
	expect("ioctl(-1, LIRC_SET_SEND_MODE, [LIRC_MODE_PULSE])");
	ioctl(-1, LIRC_SET_SEND_CARRIER, &carrier);
	expect("ioctl(-1, LIRC_SET_SEND_CARRIER, [38000])");
	ioctl(-1, LIRC_GET_REC_MODE, &mode);
	if (injected)
		expect("ioctl(-1, LIRC_GET_REC_MODE, [LIRC_MODE_PULSE])");
	else
		expect("ioctl(-1, LIRC_GET_REC_MODE, %p)", (void *)&mode);
}

/* the kernel writes nothing on a bad descriptor: injected, the fields
 * it returns show what the program left there */
static void uffdio_calls(void)
{
	struct uffdio_api api = { .api = UFFD_API, .features = 0 };
	struct uffdio_register reg = {
		.range = { .start = 0x10000, .len = 0x2000 },
		.mode = UFFDIO_REGISTER_MODE_MISSING | 0x40,
		.ioctls = 1ull << _UFFDIO_WAKE | 1ull << _UFFDIO_COPY | 0x100,
	};
	struct uffdio_copy copy = { .dst = 0x20000, .src = 0x30000,
				    .len = 0x1000, .mode = 0x80,
				    .copy = 0x1000 };
	struct uffdio_range range = { .start = 0x40000, .len = 0x3000 };

	ioctl(-1, UFFDIO_API, &api);
	expect("ioctl(-1, UFFDIO_API, {api=0xaa, features=0%s})",
	       injected ? ", ioctls=0" : "");
	ioctl(-1, UFFDIO_REGISTER, &reg);
	expect("ioctl(-1, UFFDIO_REGISTER, {range={start=0x10000, "
	       "len=0x2000}, mode=UFFDIO_REGISTER_MODE_MISSING|0x40%s})",
	       injected ? ", ioctls=1<<_UFFDIO_WAKE|1<<_UFFDIO_COPY|0x100" :
	       "");
	ioctl(-1, UFFDIO_COPY, &copy);
	expect("ioctl(-1, UFFDIO_COPY, {dst=0x20000, src=0x30000, len=0x1000, "
	       "mode=0x80 /* UFFDIO_COPY_MODE_??? */%s})",
	       injected ? ", copy=0x1000" : "");
	ioctl(-1, UFFDIO_WAKE, &range);
	expect("ioctl(-1, UFFDIO_WAKE, {start=0x40000, len=0x3000})");
	ioctl(-1, UFFDIO_UNREGISTER, 0);
	expect("ioctl(-1, UFFDIO_UNREGISTER, NULL)");
}

/* without -v: no device numbers, no encryption fields when nothing is
 * encrypted; test_decode_ioctl checks the -v line of LOOP_SET_STATUS */
static void loop_calls(void)
{
	struct loop_info info;
	struct loop_info64 info64;
	struct loop_config config;

	memset(&info, 0, sizeof(info));
	info.lo_number = 3;
	info.lo_device = makedev(8, 1);
	info.lo_inode = 12;
	info.lo_offset = 0x400;
	strcpy(info.lo_name, "n");
	ioctl(-1, LOOP_SET_STATUS, &info);
	expect("ioctl(-1, LOOP_SET_STATUS, {lo_number=3, lo_offset=0x400, "
	       "lo_flags=0, lo_name=\"n\", ...})");
	memset(&info64, 0, sizeof(info64));
	info64.lo_offset = 0x200;
	info64.lo_number = 7;
	info64.lo_flags = LO_FLAGS_READ_ONLY | LO_FLAGS_AUTOCLEAR;
	strcpy((char *)info64.lo_file_name, "/tmp/img");
	ioctl(-1, LOOP_SET_STATUS64, &info64);
	expect("ioctl(-1, LOOP_SET_STATUS64, {lo_offset=0x200, lo_number=7, "
	       "lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR, "
	       "lo_file_name=\"/tmp/img\", ...})");
	memset(&config, 0, sizeof(config));
	config.fd = -1;
	config.block_size = 4096;
	config.info.lo_encrypt_type = LO_CRYPT_XOR;
	config.info.lo_encrypt_key_size = 3;
	config.info.lo_flags = 0x100;
	strcpy((char *)config.info.lo_crypt_name, "x");
	memcpy(config.info.lo_encrypt_key, "a\0c", 3);
	ioctl(-1, LOOP_CONFIGURE, &config);
	expect("ioctl(-1, LOOP_CONFIGURE, {fd=-1, block_size=4096, "
	       "info={lo_offset=0, lo_number=0, lo_encrypt_type=LO_CRYPT_XOR, "
	       "lo_encrypt_key_size=3, lo_flags=0x100 /* LO_FLAGS_??? */, "
	       "lo_file_name=\"\", lo_crypt_name=\"x\", "
	       "lo_encrypt_key=\"a\\0c\", ...}})");
	ioctl(-1, LOOP_GET_STATUS64, 0);
	expect("ioctl(-1, LOOP_GET_STATUS64, NULL)");
}

/* the kernel's termios2 and the old termio; the input speed is a field
 * of its own (B9600<<IBSHIFT) */
static void termios_calls(void)
{
	struct termios2 t2;
	struct termio t;

	memset(&t2, 0, sizeof(t2));
	t2.c_iflag = ICRNL;
	t2.c_oflag = OPOST | ONLCR | TAB3;
	t2.c_cflag = B38400 | B9600 << IBSHIFT | CS8 | CREAD;
	t2.c_lflag = ISIG | ICANON;
	ioctl(-1, TCSETS2, &t2);
	expect("ioctl(-1, TCSETS2, {c_iflag=ICRNL, c_oflag=NL0|CR0|XTABS|BS0|"
	       "VT0|FF0|OPOST|ONLCR, c_cflag=B38400|B9600<<IBSHIFT|CS8|CREAD, "
	       "c_lflag=ISIG|ICANON, ...})");
	ioctl(-1, TIOCSLCKTRMIOS, 0);
	expect("ioctl(-1, TIOCSLCKTRMIOS, NULL)");
	memset(&t, 0, sizeof(t));
	t.c_cflag = B1200 | CS7;
	ioctl(-1, TCSETA, &t);
	expect("ioctl(-1, TCSETA, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0, "
	       "c_cflag=B1200|CS7, c_lflag=, ...})");
}

/* SIOCGIFCONF on a real socket (not under inject: the kernel must
 * answer): the length it needs, then the first interface */
static void sock_calls(void)
{
	struct ifreq ifr;
	struct ifconf ifc = { .ifc_len = 0, .ifc_buf = NULL };
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	int sz = (int)sizeof(struct ifreq);

	if (fd < 0 || injected)
		return;
	if (ioctl(fd, SIOCGIFCONF, &ifc) < 0 || ifc.ifc_len < sz)
		return;
	printf("ioctl(%d, SIOCGIFCONF, {ifc_len=%d /* %d * sizeof(struct "
	       "ifreq) */, ifc_buf=NULL}) = 0\n", fd, ifc.ifc_len,
	       ifc.ifc_len / sz);
	ifc.ifc_len = sz + 1;
	ifc.ifc_buf = (char *)&ifr;
	if (ioctl(fd, SIOCGIFCONF, &ifc) < 0 || sin->sin_family != AF_INET)
		return;
	printf("ioctl(%d, SIOCGIFCONF, {ifc_len=%d => %d /* 1 * sizeof(struct "
	       "ifreq) */, ifc_buf=[{ifr_name=\"%s\", ifr_addr={"
	       "sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("
	       "\"%s\")}}]}) = 0\n", fd, sz + 1, ifc.ifc_len, ifr.ifr_name,
	       inet_ntoa(sin->sin_addr));
	close(fd);
}

static void block_calls(void)
{
	struct blkpg_partition part = { .start = 512, .length = 1024,
					.pno = 2, .devname = "sda2" };
	struct blkpg_ioctl_arg pg = { .op = BLKPG_DEL_PARTITION,
				      .datalen = sizeof(part), .data = &part };
	unsigned short rot = 1;

	ioctl(-1, BLKPG, &pg);
	expect("ioctl(-1, BLKPG, {op=BLKPG_DEL_PARTITION, flags=0, "
	       "datalen=%d, data={start=512, length=1024, pno=2, "
	       "devname=\"sda2\", volname=\"\"}})", (int)sizeof(part));
	ioctl(-1, BLKROTATIONAL, &rot);
	if (injected)
		expect("ioctl(-1, BLKROTATIONAL, [1])");
	else
		expect("ioctl(-1, BLKROTATIONAL, %p)", (void *)&rot);
}

/* the sg driver: ints in and out, and SG_SCSI_RESET's flag and type */
static void scsi_calls(void)
{
	int x = 5;

	ioctl(-1, SG_GET_TIMEOUT, 0);
	expect("ioctl(-1, SG_GET_TIMEOUT)");
	ioctl(-1, SG_SET_TIMEOUT, &x);
	expect("ioctl(-1, SG_SET_TIMEOUT, [5])");
	x = 0x101;
	ioctl(-1, SG_SCSI_RESET, &x);
	expect("ioctl(-1, SG_SCSI_RESET, [SG_SCSI_RESET_NO_ESCALATE|"
	       "SG_SCSI_RESET_DEVICE])");
	x = 0x77;
	ioctl(-1, SG_SCSI_RESET, &x);
	expect("ioctl(-1, SG_SCSI_RESET, [0x77 /* SG_SCSI_RESET_??? */])");
	ioctl(-1, 0x2289, &x);		/* SG_GET_ACCESS_COUNT */
	if (injected)
		expect("ioctl(-1, SG_GET_ACCESS_COUNT, [119])");
	else
		expect("ioctl(-1, SG_GET_ACCESS_COUNT, %p)", (void *)&x);
	ioctl(-1, SG_IO, 0);
	expect("ioctl(-1, SG_IO, NULL)");
}

static void kvm_calls(void)
{
	struct kvm_userspace_memory_region r = {
		.slot = 1, .flags = KVM_MEM_READONLY | 0x80,
		.guest_phys_addr = 0x1000, .memory_size = 4096,
		.userspace_addr = 0x7000,
	};

	ioctl(-1, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY);
	expect("ioctl(-1, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY)");
	ioctl(-1, KVM_SET_USER_MEMORY_REGION, &r);
	expect("ioctl(-1, KVM_SET_USER_MEMORY_REGION, {slot=1, "
	       "flags=KVM_MEM_READONLY|0x80, guest_phys_addr=0x1000, "
	       "memory_size=4096, userspace_addr=0x7000})");
#if defined(__x86_64__)
	{
		struct kvm_regs regs = { .rax = 2, .rbx = 5, .rip = 0x1000,
					 .rflags = 2 };

		ioctl(-1, KVM_SET_REGS, &regs);
		expect("ioctl(-1, KVM_SET_REGS, {rax=0x2, ..., rsp=0, rbp=0, "
		       "..., rip=0x1000, rflags=0x2})");
	}
#endif
}

/* "kvm", traced with -y: the descriptors KVM_CREATE_VM and
 * KVM_CREATE_VCPU return; SKIP without /dev/kvm */
static int kvm_fds(void)
{
	int kvm = open("/dev/kvm", O_RDWR), vm, vcpu;

	if (kvm < 0) {
		puts("SKIP no /dev/kvm");
		return 77;
	}
	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0) {
		puts("SKIP KVM_CREATE_VM failed");
		return 77;
	}
	printf("ioctl(%d</dev/kvm>, KVM_CREATE_VM, 0) = %d<anon_inode:kvm-vm>\n",
	       kvm, vm);
	vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
	if (vcpu >= 0)
		printf("ioctl(%d<anon_inode:kvm-vm>, KVM_CREATE_VCPU, 0) = "
		       "%d<anon_inode:kvm-vcpu:0>\n", vm, vcpu);
	return 0;
}

/* the console's tables: strings, pairs, accents, a font name */
static void kd_table_calls(void)
{
	struct kbsentry se = { .kb_func = KVAL(K_F3), .kb_string = "ls\n" };
	struct unipair pairs[2] = { { 0x263a, 1 }, { 0x2665, 3 } };
	struct unimapdesc um = { .entry_ct = 2, .entries = pairs };
	struct kbdiacrs dc = { .kb_cnt = 1,
			       .kbdiacr = { { '^', 'e', 0xea } } };
	char name[] = "lat1-16";
	struct console_font_op op = { .op = KD_FONT_OP_SET_DEFAULT,
				      .width = 8, .height = 16,
				      .data = (unsigned char *)name };

	ioctl(-1, KDSKBSENT, &se);
	expect("ioctl(-1, KDSKBSENT, {kb_func=KVAL(K_F3), "
	       "kb_string=\"ls\\n\"})");
	ioctl(-1, PIO_UNIMAP, &um);
	expect("ioctl(-1, PIO_UNIMAP, {entry_ct=2, entries=[{unicode=0x263a, "
	       "fontpos=0x1}, {unicode=0x2665, fontpos=0x3}]})");
	ioctl(-1, KDSKBDIACR, &dc);
	expect("ioctl(-1, KDSKBDIACR, {kb_cnt=1, kbdiacr=[{diacr='^', "
	       "base='e', result='\\xea'}]})");
	ioctl(-1, KDFONTOP, &op);
	expect("ioctl(-1, KDFONTOP, {op=KD_FONT_OP_SET_DEFAULT, width=8, "
	       "height=16, data=\"lat1-16\"}%s)",
	       injected ? " => {width=8, height=16}" : "");
}

static void kd_calls(void)
{
	struct kbentry get = { .kb_table = K_ALTTAB, .kb_index = 30,
			       .kb_value = K_F1 };
	struct kbentry set = { .kb_table = 1 << KG_CTRL | 1 << KG_ALT,
			       .kb_index = 5, .kb_value = K(KT_LATIN, 'a') };
	struct kbd_repeat rep = { .delay = 250, .period = 33 };
	int mode = KD_TEXT1;

	ioctl(-1, KIOCSOUND, 1000UL);
	expect("ioctl(-1, KIOCSOUND, 1000 /* 1193 Hz */)");
	ioctl(-1, KDMKTONE, 200UL << 16 | 500);
	expect("ioctl(-1, KDMKTONE, 200<<16|500 /* 2386 Hz, 200 ms */)");
	ioctl(-1, KDSETMODE, (unsigned long)KD_GRAPHICS);
	expect("ioctl(-1, KDSETMODE, KD_GRAPHICS)");
	ioctl(-1, KDSKBMODE, 7UL);
	expect("ioctl(-1, KDSKBMODE, 7 /* K_??? */)");
	ioctl(-1, KDSKBLED, (unsigned long)(LED_CAP | LED_SCR << 4));
	expect("ioctl(-1, KDSKBLED, LED_CAP|LED_SCR<<4)");
	ioctl(-1, KDSIGACCEPT, (unsigned long)SIGUSR2);
	expect("ioctl(-1, KDSIGACCEPT, SIGUSR2)");
	ioctl(-1, KDGKBENT, &get);
	expect("ioctl(-1, KDGKBENT, {kb_table=K_ALTTAB, kb_index=30%s})",
	       injected ? ", kb_value=0x100 /* K_F1 */" : "");
	ioctl(-1, KDSKBENT, &set);
	expect("ioctl(-1, KDSKBENT, {kb_table=1<<KG_CTRL|1<<KG_ALT, "
	       "kb_index=5, kb_value=0x61 /* K(KT_LATIN, 'a') */})");
	ioctl(-1, KDGETMODE, &mode);
	if (injected)
		expect("ioctl(-1, KDGETMODE, [KD_TEXT1])");
	else
		expect("ioctl(-1, KDGETMODE, %p)", (void *)&mode);
	ioctl(-1, KDKBDREP, &rep);
	expect("ioctl(-1, KDKBDREP, {delay=250, period=33}%s)",
	       injected ? " => {delay=250, period=33}" : "");
	kd_table_calls();
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "kvm"))
		return kvm_fds();
	injected = argc > 1 && !strcmp(argv[1], "inject");
	if (!injected) {
		counter_calls();
		fs_x_calls();
	}
	hdio_calls();
	ptp_calls();
	seccomp_calls();
	gpio_calls();
	rtc_calls();
	ubi_calls();
	evdev_calls();
	lirc_calls();
	block_calls();
	uffdio_calls();
	loop_calls();
	termios_calls();
	sock_calls();
	kvm_calls();
	scsi_calls();
	kd_calls();
	return 0;
}
