# shellcheck shell=bash
# Sourced by .ci/run (and by anyone who wants the CUPS printing tests):
#
#   source .ci/cups.sh
#
# Makes sure Debian's CUPS and cups-pdf are installed, the CUPS scheduler is running (started
# as a plain daemon: containers and CI machines have no systemd), and a cups-pdf queue exists,
# enabled and accepting jobs; then exports VENTANILLA_TEST_CUPS_QUEUE, which the printing
# integration tests print to. cups-pdf writes each job as a PDF in the `Out` folder of
# /etc/cups/cups-pdf.conf (Debian: ~/PDF of the user who printed), where the tests find it.
# Idempotent. It is sourced, so it changes no shell options and never exits the caller's shell:
# on failure it says why and returns non-zero.

ventanilla_ci_cups() {
  local queue="${VENTANILLA_CI_CUPS_QUEUE:-ventanilla-pdf}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi

  if ! command -v cupsd >/dev/null 2>&1 || ! command -v lp >/dev/null 2>&1 || [ ! -e /usr/lib/cups/backend/cups-pdf ]; then
    echo "cups.sh: instalando CUPS y cups-pdf de Debian…"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends cups printer-driver-cups-pdf >/dev/null || return 1
  fi

  if ! LANG=C lpstat -r 2>/dev/null | grep -q '^scheduler is running'; then
    local check
    if ! check="$("${sudo[@]}" cupsd -t 2>&1)"; then
      echo "cups.sh: la configuración de CUPS tiene errores (cupsd -t):" >&2
      echo "$check" >&2
      return 1
    fi
    # Without -f cupsd forks into the background and returns once it is listening; a second
    # cupsd (one already running but not answering) fails here with its reason on stderr.
    local started
    if ! started="$("${sudo[@]}" cupsd 2>&1)"; then
      echo "cups.sh: cupsd no arrancó: $started" >&2
      return 1
    fi
    local tries=0
    until LANG=C lpstat -r 2>/dev/null | grep -q '^scheduler is running'; do
      tries=$((tries + 1))
      if [ "$tries" -ge 30 ]; then
        echo "cups.sh: el planificador de CUPS no responde tras 15 s. Final de /var/log/cups/error_log:" >&2
        "${sudo[@]}" tail -n 20 /var/log/cups/error_log >&2 2>/dev/null || echo "(sin registro)" >&2
        return 1
      fi
      sleep 0.5
    done
  fi

  if ! LANG=C lpstat -p "$queue" >/dev/null 2>&1; then
    local ppd
    ppd="$(ls /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/*.ppd 2>/dev/null | head -n 1)"
    if [ -z "$ppd" ]; then
      echo "cups.sh: no se encontró el PPD de cups-pdf en /usr/share/ppd/cups-pdf" >&2
      return 1
    fi
    local made
    if ! made="$(LANG=C "${sudo[@]}" lpadmin -p "$queue" -E -v cups-pdf:/ -P "$ppd" 2>&1)"; then
      echo "cups.sh: lpadmin no creó la cola $queue: $made" >&2
      return 1
    fi
  fi
  # A test run that stopped halfway may have left the queue paused or refusing jobs.
  "${sudo[@]}" cupsenable "$queue" && "${sudo[@]}" cupsaccept "$queue" || return 1

  export VENTANILLA_TEST_CUPS_QUEUE="$queue"
  echo "cups.sh: CUPS listo con la cola $queue (VENTANILLA_TEST_CUPS_QUEUE exportada)"
}

ventanilla_ci_cups
ventanilla_ci_cups_status=$?
unset -f ventanilla_ci_cups
# `return` when sourced; a direct `bash .ci/cups.sh` gets a meaningful exit status instead.
return "$ventanilla_ci_cups_status" 2>/dev/null || exit "$ventanilla_ci_cups_status"
