//! A room's id, its join link and the relay it meets at.
//!
//! The join link is `<the app>?relay=<ws://host:port>#room=<id>`: the id sits in
//! the fragment, which browsers never send to a server.

/// A room: 128 random bits, written as 32 lowercase hexadecimal digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomId(String);

impl RoomId {
    /// Reads an id; anything but 32 hexadecimal digits is not one.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        (raw.len() == 32 && raw.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Self(raw.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The room a page address's fragment (`#room=<id>`) names.
pub fn room_in_fragment(fragment: &str) -> Option<RoomId> {
    RoomId::parse(fragment.trim_start_matches('#').strip_prefix("room=")?)
}

/// The relay's address if `raw` is one: `ws://` or `wss://`, a host, an optional
/// port, nothing else (no path, query, user or spaces), so a link cannot point
/// the room's traffic anywhere but a relay.
pub fn relay_address(raw: &str) -> Option<String> {
    let raw = raw.trim().trim_end_matches('/');
    let rest = raw.strip_prefix("ws://").or_else(|| raw.strip_prefix("wss://"))?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || rest.starts_with('[') => (host, Some(port)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && (host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
            || (host.starts_with('[')
                && host.ends_with(']')
                && host[1..host.len() - 1].bytes().all(|b| b.is_ascii_hexdigit() || b == b':')));
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok_and(|n| n > 0));
    (host_ok && port_ok).then(|| raw.to_ascii_lowercase())
}

/// Where the app looks for its relay: the link's `?relay=`, else the one this
/// browser remembers, else port 1234 of the page's own host (`page_hostname`,
/// without its port).
pub fn choose_relay(from_link: Option<&str>, remembered: Option<&str>, page_hostname: &str) -> String {
    from_link.and_then(relay_address).or_else(|| remembered.and_then(relay_address)).unwrap_or_else(|| {
        let host = if page_hostname.is_empty() { "127.0.0.1" } else { page_hostname };
        format!("ws://{host}:1234")
    })
}

/// The link that joins `room` at `relay`, from the app's own address (without
/// query or fragment).
pub fn join_link(app_address: &str, relay: &str, room: &RoomId) -> String {
    let base = app_address.split(['?', '#']).next().unwrap_or(app_address);
    format!("{base}?relay={}#room={}", percent_encode(relay), room.as_str())
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_ids_are_32_hex_digits() {
        let id = RoomId::parse(&"AB".repeat(16)).expect("32 hex digits");
        assert_eq!(id.as_str(), "ab".repeat(16));
        assert_eq!(RoomId::parse(id.as_str()), Some(id.clone()));
        assert_eq!(room_in_fragment(&format!("#room={}", id.as_str())), Some(id));
        assert_eq!(RoomId::parse("abc"), None);
        assert_eq!(RoomId::parse(&"g".repeat(32)), None);
        assert_eq!(room_in_fragment("#map=abc"), None);
    }

    #[test]
    fn a_relay_is_a_websocket_host_and_port_only() {
        assert_eq!(relay_address("ws://127.0.0.1:1234").as_deref(), Some("ws://127.0.0.1:1234"));
        assert_eq!(relay_address("wss://relay.example.org").as_deref(), Some("wss://relay.example.org"));
        assert_eq!(relay_address("ws://[::1]:1234").as_deref(), Some("ws://[::1]:1234"));
        for bad in [
            "http://x:1",
            "ws://",
            "ws://a b:1",
            "ws://x:99999",
            "ws://x/path",
            "ws://u@x:1",
            "javascript:alert(1)",
            "ws://x:",
        ] {
            assert_eq!(relay_address(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_relay_comes_from_the_link_then_memory_then_the_page_host() {
        assert_eq!(choose_relay(Some("ws://a:1"), Some("ws://b:2"), "c"), "ws://a:1");
        assert_eq!(choose_relay(Some("bad"), Some("ws://b:2"), "c"), "ws://b:2");
        assert_eq!(choose_relay(None, None, "192.168.1.5"), "ws://192.168.1.5:1234");
        assert_eq!(choose_relay(None, None, "localhost"), "ws://localhost:1234");
        assert_eq!(choose_relay(None, None, "[::1]"), "ws://[::1]:1234");
        assert_eq!(choose_relay(None, None, ""), "ws://127.0.0.1:1234");
    }

    #[test]
    fn a_join_link_carries_the_relay_and_the_room() {
        let room = RoomId::parse(&"01".repeat(16)).expect("32 hex digits");
        let link = join_link("http://127.0.0.1:8080/?lang=id#map=x", "ws://127.0.0.1:1234", &room);
        assert_eq!(
            link,
            format!("http://127.0.0.1:8080/?relay=ws%3A%2F%2F127.0.0.1%3A1234#room={}", room.as_str())
        );
    }
}
