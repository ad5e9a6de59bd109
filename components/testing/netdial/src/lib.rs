//! Test fixture: an extension that opens network connections, so it
//! imports `wasi:sockets`, an interface no grant gives an extension.

/// Dials out, for sqlink's test that an ungrantable import is refused.
#[sqlink_sdk::extension(name = "netdial")]
mod netdial {
    use sqlink_sdk::prelude::*;

    /// Connects to `address` (host:port); returns 1 on success.
    #[function]
    fn net_dial(address: &str) -> Result<i64> {
        std::net::TcpStream::connect(address).map_err(|e| Error::new(format!("{address}: {e}")))?;
        Ok(1)
    }
}
