#!/usr/bin/env bash
# Same-machine baseline: stock Debian WordPress, single-post page ("Hello world!").
#
# What it does: installs Debian's wordpress + apache2/mod_php + php-mysql if missing,
# serves WordPress on 127.0.0.1:8088 (dedicated vhost), creates a fresh MariaDB
# database/user `wordpress_bench`, runs the stock web installer with curl, then
# measures the post page with wrk and counts its SQL queries. Results go to
# bench/results/wordpress.md (also printed). Apache is stopped on exit.
#
# Run again (as root, from anywhere; takes ~1 min once packages are installed):
#     bash /work/main/bench/compare/wordpress.sh
# Each run drops and re-creates the `wordpress_bench` database, so every run
# measures a freshly installed stock site. Needs MariaDB on 127.0.0.1:3306 with
# root/empty password (override with MYSQL="mariadb -u... -p...").
# Keep the machine otherwise quiet while it runs.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${OUT:-$HERE/../results/wordpress.md}"
ADDR=127.0.0.1
PORT=8088
BASE="http://$ADDR:$PORT"
DB=wordpress_bench
MYSQL="${MYSQL:-mariadb -uroot -h127.0.0.1 -P3306}"
AE='Accept-Encoding: gzip, deflate, br'
INFO_DIR=/var/lib/wordpress-bench          # holds a tiny phpinfo-style probe
VHOST=/etc/apache2/sites-available/wordpress-bench.conf
WPCONF="/etc/wordpress/config-$ADDR.php"   # Debian's config-<host>.php lookup
TMP="$(mktemp -d)"

sql() { $MYSQL -N -B -e "$1"; }

cleanup() {
    sql "SET GLOBAL general_log = OFF" >/dev/null 2>&1 || true
    apache2ctl -k stop >/dev/null 2>&1 || service apache2 stop >/dev/null 2>&1 || true
    for _ in $(seq 100); do pgrep -x apache2 >/dev/null || break; sleep 0.1; done  # stop is async
    rm -rf "$TMP"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }

# --- 1. packages (only if missing) -----------------------------------------
# The stock theme for WP 6.1 (Twenty Twenty-Three) is only a Recommends of the
# wordpress package, so it is listed explicitly.
PKGS="wordpress wordpress-theme-twentytwentythree apache2 libapache2-mod-php php-mysql"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing:$missing"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

# --- 2. database + Debian per-host config -----------------------------------
DBPASS="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
sql "DROP DATABASE IF EXISTS $DB;
     CREATE DATABASE $DB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
     CREATE USER IF NOT EXISTS '$DB'@'localhost' IDENTIFIED BY '$DBPASS';
     ALTER USER '$DB'@'localhost' IDENTIFIED BY '$DBPASS';
     GRANT ALL PRIVILEGES ON $DB.* TO '$DB'@'localhost';
     FLUSH PRIVILEGES;"

salt() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }
umask 027
cat > "$WPCONF" <<EOF
<?php
/* Written by newsportal bench/compare/wordpress.sh - stock settings only. */
define('DB_NAME', '$DB');
define('DB_USER', '$DB');
define('DB_PASSWORD', '$DBPASS');
define('DB_HOST', 'localhost');   /* unix socket, as Debian's default */
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('AUTH_KEY', '$(salt)');
define('SECURE_AUTH_KEY', '$(salt)');
define('LOGGED_IN_KEY', '$(salt)');
define('NONCE_KEY', '$(salt)');
define('AUTH_SALT', '$(salt)');
define('SECURE_AUTH_SALT', '$(salt)');
define('LOGGED_IN_SALT', '$(salt)');
define('NONCE_SALT', '$(salt)');
\$table_prefix = 'wp_';
define('WP_DEBUG', false);
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
EOF
umask 022
chown root:www-data "$WPCONF"; chmod 0640 "$WPCONF"

# --- 3. Apache: dedicated vhost on 127.0.0.1:8088 ---------------------------
# A probe script (outside the WordPress tree) reports what the Apache PHP SAPI
# really runs (version, opcache) rather than what php-cli says.
mkdir -p "$INFO_DIR"
cat > "$INFO_DIR/probe.php" <<'EOF'
<?php
$s = function_exists('opcache_get_status') ? @opcache_get_status(false) : false;
echo 'php=', PHP_VERSION, "\n";
echo 'sapi=', PHP_SAPI, "\n";
echo 'opcache_loaded=', extension_loaded('Zend OPcache') ? 'yes' : 'no', "\n";
echo 'opcache_enable=', ini_get('opcache.enable'), "\n";
echo 'opcache_enabled_now=', ($s && !empty($s['opcache_enabled'])) ? 'yes' : 'no', "\n";
echo 'opcache_jit=', ($s && !empty($s['jit']['enabled'])) ? 'on' : 'off', ' (opcache.jit="', ini_get('opcache.jit'), '", jit_buffer_size=', ini_get('opcache.jit_buffer_size'), ")\n";
echo 'memory_limit=', ini_get('memory_limit'), "\n";
EOF
cat > "$VHOST" <<EOF
# newsportal bench: stock WordPress on $ADDR:$PORT (bench/compare/wordpress.sh)
Listen $ADDR:$PORT
<VirtualHost $ADDR:$PORT>
    ServerName $ADDR
    DocumentRoot /usr/share/wordpress
    DirectoryIndex index.php index.html
    Alias /wp-content /var/lib/wordpress/wp-content
    Alias /__bench_probe.php $INFO_DIR/probe.php
    <Directory /usr/share/wordpress>
        Options FollowSymLinks
        AllowOverride Limit Options FileInfo
        Require all granted
    </Directory>
    <Directory /var/lib/wordpress/wp-content>
        Options FollowSymLinks
        Require all granted
    </Directory>
    <Directory $INFO_DIR>
        Require local
    </Directory>
    ErrorLog \${APACHE_LOG_DIR}/wordpress-bench-error.log
    CustomLog \${APACHE_LOG_DIR}/wordpress-bench-access.log combined
</VirtualHost>
EOF
# Only our port: disable the default :80 site and its Listen (Debian ports.conf).
a2dissite -q 000-default >/dev/null 2>&1 || true
sed -i 's/^Listen 80$/# Listen 80  # disabled by newsportal bench\/compare\/wordpress.sh/' /etc/apache2/ports.conf
a2ensite -q wordpress-bench >/dev/null
apache2ctl configtest
apache2ctl -k stop >/dev/null 2>&1 || true
for _ in $(seq 50); do pgrep -x apache2 >/dev/null || break; sleep 0.1; done
apache2ctl -k start
for _ in $(seq 50); do curl -s -o /dev/null "$BASE/__bench_probe.php" && break; sleep 0.1; done

# --- 4. stock install through the web installer -----------------------------
ADMINPASS="$(salt)"
curl -sS -o "$TMP/install.html" "$BASE/wp-admin/install.php?step=2" \
    --data-urlencode "weblog_title=WordPress bench" \
    --data-urlencode "user_name=admin" \
    --data-urlencode "admin_password=$ADMINPASS" \
    --data-urlencode "admin_password2=$ADMINPASS" \
    --data-urlencode "pw_weak=1" \
    --data-urlencode "admin_email=admin@example.invalid" \
    --data-urlencode "language="
grep -q 'Success!' "$TMP/install.html" || { echo "WordPress install failed:" >&2; sed 's/<[^>]*>//g' "$TMP/install.html" | grep -v '^\s*$' | head -20 >&2; exit 1; }

# --- 5. the post URL, as WordPress links it ---------------------------------
# ?p=1 is redirected (redirect_canonical) to the pretty permalink if those are on.
URL="$(curl -sS -L -o /dev/null -w '%{url_effective}' "$BASE/?p=1")"
code="$(curl -sS -o "$TMP/post.html" -w '%{http_code}' "$URL")"
[ "$code" = 200 ] || { echo "post page returned HTTP $code" >&2; exit 1; }
grep -q 'Hello world!' "$TMP/post.html" || { echo "post page lacks 'Hello world!'" >&2; exit 1; }

# Warm up: fill opcache/transients, then run WP-Cron's due jobs synchronously so
# that no cron spawn (loopback request) happens during counting/measuring.
for _ in $(seq 10); do curl -s -o /dev/null "$URL"; done
curl -s -o /dev/null -m 120 "$BASE/wp-cron.php?doing_wp_cron" || true
sleep 2
for _ in $(seq 5); do curl -s -o /dev/null "$URL"; done
sleep 1

# --- 6. response sizes ------------------------------------------------------
BYTES_PLAIN="$(curl -sS -o /dev/null -w '%{size_download}' "$URL")"
BYTES_GZ="$(curl -sS -o /dev/null -w '%{size_download}' -H "$AE" "$URL")"
ENC="$(curl -sS -o /dev/null -D - -H "$AE" "$URL" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding"{print $2}')"
ENC="${ENC:-none}"

# --- 7. SQL queries for one request -----------------------------------------
# (a) Questions delta: the cost of a status probe itself is measured first and
#     subtracted; (b) general log, counting Query lines of wordpress_bench's
#     connection(s). Both assume nothing else is talking to MariaDB.
GLOG="$(sql 'SELECT @@datadir')/wordpress-bench-general.log"
rm -f "$GLOG"
sql "SET GLOBAL general_log_file = '$GLOG'; SET GLOBAL general_log = ON"
q() { sql "SHOW GLOBAL STATUS LIKE 'Questions'" | awk '{print $2}'; }
q0=$(q); q1=$(q)
curl -s -o /dev/null "$URL"
q2=$(q)
sql "SET GLOBAL general_log = OFF"
PROBE_COST=$((q1 - q0))
QUESTIONS=$((q2 - q1 - PROBE_COST))
# General log lines: "[timestamp]<tabs><id> <Command><tab><argument>"; lines
# of multi-line statements do not match the header pattern and are skipped.
read -r GLOG_CONNS GLOG_QUERIES GLOG_INITDB < <(awk -v db="$DB" '
    { sub(/^[^\t]*\t+/, ""); t = index($0, "\t"); if (!t) next
      h = substr($0, 1, t - 1); arg = substr($0, t + 1)
      if (h !~ /^ *[0-9]+ (Query|Connect|Quit|Init DB|Prepare|Execute)$/) next
      split(h, a, " "); id = a[1]; cmd = a[2]
      if (cmd == "Connect" && index(arg, db "@") == 1) wp[id] = 1
      if (cmd == "Query" || cmd == "Execute") qn[id]++
      if (cmd == "Init") idb[id]++ }
    END { c = 0; s = 0; d = 0; for (i in wp) { c++; s += qn[i]; d += idb[i] } print c, s, d }' "$GLOG")
cp "$GLOG" /tmp/wordpress-bench-general.log; rm -f "$GLOG"   # kept for inspection

# --- 8. wrk -----------------------------------------------------------------
# Wait (up to QUIET_WAIT s) until the CPUs are idle: other work skews wrk.
cpu_busy() {  # % of all CPUs busy over 1 s, from /proc/stat
    local a b; a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
    local idle=$(( (b[4]+b[5]) - (a[4]+a[5]) )) tot=0 i
    for i in 1 2 3 4 5 6 7 8; do tot=$(( tot + b[i] - a[i] )); done
    echo $(( tot > 0 ? 100 * (tot - idle) / tot : 0 ))
}
QUIET_WAIT="${QUIET_WAIT:-300}"; waited=0
while BUSY="$(cpu_busy)"; [ "$BUSY" -gt 5 ] && [ "$waited" -lt "$QUIET_WAIT" ]; do
    [ "$waited" = 0 ] && echo "waiting for an idle machine (CPU ${BUSY}% busy)..." >&2
    sleep 4; waited=$((waited + 5))
done
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg), CPU ${BUSY}% busy just before wrk (waited ${waited}s for quiet)"
wrk -t2 -c16 -d3s -H "$AE" "$URL" >/dev/null          # warm-up (spawns workers)
sleep 1
wrk -t2 -c16 -d10s -H "$AE" "$URL" | tee "$TMP/wrk16.txt"
APACHE_PROCS="$(pgrep -c -x apache2 || true)"
sleep 1
wrk -t1 -c1 -d5s --latency -H "$AE" "$URL" | tee "$TMP/wrk1.txt"
RPS16="$(awk '/^Requests\/sec/{print $2}' "$TMP/wrk16.txt")"
RPS1="$(awk '/^Requests\/sec/{print $2}' "$TMP/wrk1.txt")"
P50="$(awk '$1=="50%"{print $2}' "$TMP/wrk1.txt")"
P99="$(awk '$1=="99%"{print $2}' "$TMP/wrk1.txt")"
BAD16="$(awk -F': *' '/Non-2xx/{print $2}' "$TMP/wrk16.txt")"; BAD16="${BAD16:-0}"
BAD1="$(awk -F': *' '/Non-2xx/{print $2}' "$TMP/wrk1.txt")"; BAD1="${BAD1:-0}"
ERR16="$(grep -E 'Socket errors' "$TMP/wrk16.txt" || true)"; ERR16="${ERR16:-none}"

# --- 9. versions / configuration --------------------------------------------
curl -sS "$BASE/__bench_probe.php" > "$TMP/probe.txt"
pv() { sed -n "s/^$1=//p" "$TMP/probe.txt"; }
MPM="$(apache2ctl -V 2>/dev/null | awk -F': *' '/Server MPM/{print $2}')"
APACHE_VER="$(apache2ctl -v 2>/dev/null | awk -F': ' '/Server version/{print $2}')"
MPMCONF="/etc/apache2/mods-enabled/mpm_${MPM}.conf"
MPM_SETTINGS="$(awk '$1 ~ /^(StartServers|MinSpareServers|MaxSpareServers|MaxRequestWorkers|ThreadsPerChild|ServerLimit)$/ {printf "%s%s %s", sep, $1, $2; sep=", "}' "$MPMCONF" 2>/dev/null)"
WP_VER="$(awk -F"'" '/^\$wp_version/{print $2}' /usr/share/wordpress/wp-includes/version.php)"
WP_PKG="$(dpkg-query -W -f='${Version}' wordpress)"
DB_VER="$(sql 'SELECT VERSION()')"
THEME="$(sql "SELECT option_value FROM $DB.wp_options WHERE option_name='stylesheet'")"
PLUGINS="$(sql "SELECT option_value FROM $DB.wp_options WHERE option_name='active_plugins'")"
PERMA="$(sql "SELECT option_value FROM $DB.wp_options WHERE option_name='permalink_structure'")"
CPU="$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)"

# --- 10. report -------------------------------------------------------------
mkdir -p "$(dirname "$OUT")"
{
echo "# Stock WordPress single-post page — same-machine baseline"
echo
echo "Measured $(date -u '+%Y-%m-%d %H:%M:%S UTC') by \`bench/compare/wordpress.sh\` on $(nproc) CPU(s), ${CPU}; load average before wrk: ${LOAD_BEFORE}."
echo
echo "| Metric | Value |"
echo "|---|---|"
echo "| URL | \`${URL#$BASE}\` (permalink_structure: \`${PERMA:-plain}\`) |"
echo "| Requests/s, wrk -t2 -c16 -d10s | **${RPS16}** (non-2xx: ${BAD16}; ${ERR16}) |"
echo "| Requests/s, wrk -t1 -c1 -d5s | ${RPS1} (non-2xx: ${BAD1}) |"
echo "| Latency p50 / p99 at 1 connection | ${P50} / ${P99} |"
echo "| SQL queries per request | **${GLOG_QUERIES}** SQL statements + ${GLOG_INITDB} Init DB on ${GLOG_CONNS} connection (general log); \`Questions\` delta: ${QUESTIONS} |"
echo "| Response bytes, plain / \`${AE#Accept-Encoding: }\` | ${BYTES_PLAIN} / ${BYTES_GZ} (Content-Encoding: ${ENC}) |"
echo "| WordPress | ${WP_VER} (Debian ${WP_PKG}); theme \`${THEME}\`; active plugins \`${PLUGINS}\`; no page cache |"
echo "| Web server | ${APACHE_VER}, MPM ${MPM} (${MPM_SETTINGS}); ${APACHE_PROCS} apache2 processes during the c16 run |"
echo "| PHP | $(pv php) ($(pv sapi)); opcache loaded: $(pv opcache_loaded), opcache.enable=$(pv opcache_enable), active: $(pv opcache_enabled_now), JIT $(pv opcache_jit) |"
echo "| Database | MariaDB ${DB_VER}, via unix socket (DB_HOST=localhost) |"
echo
echo "Headers sent by wrk: \`${AE}\`. Query count taken after warm-up and after running due WP-Cron jobs; WP-Cron left at its stock setting."
echo
echo "<details><summary>raw wrk output</summary>"
echo
echo '```'
cat "$TMP/wrk16.txt"
echo
cat "$TMP/wrk1.txt"
echo '```'
echo
echo "</details>"
} > "$OUT"
echo
echo "=== $OUT ==="
cat "$OUT"
