//! [`Server`]: tiny_http worker threads moving requests to [`App::handle`] and back.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Instant;

use crate::app::App;
use crate::response::{Response, reason};

/// A bound listening socket and the app it serves.
pub struct Server {
    http: Arc<tiny_http::Server>,
    app: Arc<App>,
    log_requests: bool,
}

/// A server running on background threads ([`Server::spawn`]); [`Running::stop`] ends it.
pub struct Running {
    http: Arc<tiny_http::Server>,
    stopping: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
    addr: SocketAddr,
}

impl Server {
    /// Listen on `addr` (`127.0.0.1:8080`; port 0 picks a free port).
    pub fn bind(addr: &str, app: App) -> io::Result<Server> {
        let http = tiny_http::Server::http(addr).map_err(io::Error::other)?;
        Ok(Server {
            http: Arc::new(http),
            app: Arc::new(app),
            log_requests: true,
        })
    }

    /// Whether each request is logged to stderr (method, target, status, time). Errors are
    /// logged either way.
    pub fn log_requests(mut self, yes: bool) -> Server {
        self.log_requests = yes;
        self
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.http
            .server_addr()
            .to_ip()
            .ok_or_else(|| io::Error::other("not listening on an IP address"))
    }

    /// Serve with `workers` threads until the process ends.
    pub fn run(self, workers: usize) -> io::Result<()> {
        let running = self.spawn(workers)?;
        for w in running.workers {
            let _ = w.join();
        }
        Ok(())
    }

    /// Serve with `workers` threads in the background.
    pub fn spawn(self, workers: usize) -> io::Result<Running> {
        let addr = self.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let mut handles = Vec::new();
        for i in 0..workers.max(1) {
            let (http, app, stopping) = (self.http.clone(), self.app.clone(), stopping.clone());
            let log = self.log_requests;
            let handle = std::thread::Builder::new()
                .name(format!("crosswire-serve-{i}"))
                .spawn(move || worker(&http, &app, &stopping, log))?;
            handles.push(handle);
        }
        Ok(Running {
            http: self.http,
            stopping,
            workers: handles,
            addr,
        })
    }
}

impl Running {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stop accepting requests and wait for the workers to finish the ones in hand.
    pub fn stop(self) {
        self.stopping.store(true, Ordering::SeqCst);
        // One unblock wakes one waiting worker.
        for _ in &self.workers {
            self.http.unblock();
        }
        for w in self.workers {
            let _ = w.join();
        }
    }
}

fn worker(http: &tiny_http::Server, app: &App, stopping: &AtomicBool, log: bool) {
    loop {
        let request = match http.recv() {
            Ok(r) => r,
            Err(_) if stopping.load(Ordering::SeqCst) => return,
            Err(e) => {
                // An accept or parse error concerns one connection, not the server.
                eprintln!("crosswire serve: connection error: {e}");
                continue;
            }
        };
        let started = Instant::now();
        let method = request.method().as_str().to_string();
        let target = request.url().to_string();
        // Method and target are the client's text: no control characters reach the terminal.
        let shown: String = format!("{} {}", method.escape_default(), target.escape_default())
            .chars()
            .take(300)
            .collect();
        // Several If-None-Match headers are one list (RFC 9110 5.3).
        let tags: Vec<&str> = request
            .headers()
            .iter()
            .filter(|h| h.field.equiv("If-None-Match"))
            .map(|h| h.value.as_str())
            .collect();
        let if_none_match = (!tags.is_empty()).then(|| tags.join(", "));
        let response = app.handle_conditional(&method, &target, if_none_match.as_deref());
        let status = response.status;
        if let Err(e) = request.respond(to_http(response)) {
            eprintln!("crosswire serve: {shown}: cannot send the response: {e}");
        }
        if log {
            eprintln!(
                "{shown} {status} {} {:.1}ms",
                reason(status),
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}

fn to_http(mut r: Response) -> tiny_http::Response<io::Cursor<Vec<u8>>> {
    let body = std::mem::take(&mut r.body);
    let headers = r.headers();
    let mut out = tiny_http::Response::from_data(body.into_bytes())
        .with_status_code(tiny_http::StatusCode(r.status));
    for (name, value) in headers {
        // Names and values are ASCII constants, so this never fails; skip rather than panic.
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            out.add_header(h);
        }
    }
    out
}
