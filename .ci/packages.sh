# Installs the Debian packages named as arguments that are missing (sudo when not root).
# Sourced by .ci/run (tests) and .ci/app (run the desktop app).
install_missing_packages() {
    local missing=()
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        local sudo_cmd=""
        [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
        $sudo_cmd apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
    fi
}

# What the desktop app (Tauri 2 on WebKitGTK) needs to build and run.
APP_PACKAGES=(build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev
              libayatana-appindicator3-dev librsvg2-dev libxdo-dev)
