//! Memory stays bounded when anybody sends bodies far larger than a route takes (issue 17 §2, ADR 0027).
//!
//! The real server (`volkshuis demo` on a free port) gets 20 concurrent 150 MB posts to `/login` (anonymous, with a
//! valid token first so they pass the CSRF check) and 20 to the stock upload (signed in, past every check), all at
//! once. The bodies are streamed in chunks (never allocated whole) with chunked transfer encoding, so the server
//! cannot refuse them by their declared length and has to read them. The server's peak resident memory (`VmHWM` in
//! `/proc/<pid>/status`, reset before the posts) must stay under [`BOUND_MB`]. Before the fix the CSRF layer read every such body into memory
//! (12 anonymous posts took the server to 3 GB).
//!
//! `VH_MEMORY_POSTS` sets another number of posts per route (to see the old behaviour without exhausting a machine).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Posts per route.
const POSTS: usize = 20;
/// The size of every body.
const BODY_BYTES: usize = 150 * 1024 * 1024;
/// The bound on the server's peak resident memory while the posts arrive: the demo server itself (60–100 MB in a
/// debug build, after filling its database), 40 connections' buffers, and the uploads' chunks on their way to disk.
/// One body read whole would pass it.
const BOUND_MB: u64 = 250;
const CHUNK: usize = 64 * 1024;
const BOUNDARY: &str = "vh-memory-boundary";

struct Server {
    child: Child,
    address: String,
    dir: std::path::PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start() -> Server {
    let dir = std::env::temp_dir().join(format!("vh-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_volkshuis"))
        .args(["demo", "--bind", "127.0.0.1:0", "--database"])
        .arg(dir.join("demo.db"))
        .env("VOLKSHUIS_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start demo");
    let stdout = child.stdout.take().expect("stdout");
    let mut address = None;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if let Some(url) = line.strip_prefix("Volkshuis draait op http://") {
            address = Some(url.to_owned());
        }
        if line.starts_with("Stoppen") {
            break;
        }
    }
    let address = address.expect("the server printed its address");
    Server { child, address, dir }
}

/// A simple HTTP/1.1 exchange with a small body: (head, body).
async fn exchange(address: &str, request: String) -> (String, String) {
    let mut stream = TcpStream::connect(address).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("request");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.expect("response");
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    (head.to_owned(), body.to_owned())
}

fn cookies(head: &str) -> Vec<String> {
    head.lines()
        .filter_map(|l| l.strip_prefix("set-cookie: ").or_else(|| l.strip_prefix("Set-Cookie: ")))
        .filter_map(|c| c.split(';').next())
        .filter(|c| !c.ends_with('='))
        .map(str::to_owned)
        .collect()
}

fn csrf_in(page: &str) -> String {
    let start = page.find("name=\"csrf\" value=\"").expect("a form with a token") + 19;
    page[start..].split('"').next().expect("token").to_owned()
}

fn peak_rss_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("process status");
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).expect("VmHWM");
    line.split_whitespace().nth(1).and_then(|kb| kb.parse::<u64>().ok()).expect("kB") / 1024
}

/// Streams a multipart body of [`BODY_BYTES`] (the token first, then a file) in chunks; returns the status line if
/// the server answered at all (it may close the connection as soon as it has seen enough).
async fn oversized_post(address: String, path: String, cookie: String, token: String) -> Option<String> {
    let stream = TcpStream::connect(&address).await.ok()?;
    let (mut reader, mut writer) = stream.into_split();
    let answer = tokio::spawn(async move {
        let mut answer = Vec::new();
        let _ = reader.read_to_end(&mut answer).await;
        String::from_utf8_lossy(&answer).lines().next().map(str::to_owned)
    });
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nCookie: {cookie}\r\nTransfer-Encoding: chunked\r\n\
         Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nConnection: close\r\n\r\n"
    );
    let first = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--{BOUNDARY}\r\n\
         Content-Disposition: form-data; name=\"file\"; filename=\"groot.csv\"\r\nContent-Type: text/csv\r\n\r\n\
         idExtern;straat\n"
    );
    let filler = vec![b'x'; CHUNK];
    let send = async {
        writer.write_all(head.as_bytes()).await?;
        writer.write_all(format!("{:x}\r\n{first}\r\n", first.len()).as_bytes()).await?;
        let mut sent = first.len();
        while sent < BODY_BYTES {
            writer.write_all(format!("{CHUNK:x}\r\n").as_bytes()).await?;
            writer.write_all(&filler).await?;
            writer.write_all(b"\r\n").await?;
            sent += CHUNK;
        }
        let end = format!("\r\n--{BOUNDARY}--\r\n");
        writer.write_all(format!("{:x}\r\n{end}\r\n0\r\n\r\n", end.len()).as_bytes()).await
    };
    // The server stops reading once it has refused the body; the write then fails, as it should.
    let _ = send.await;
    answer.await.ok().flatten()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn oversized_posts_keep_memory_bounded() {
    let posts = std::env::var("VH_MEMORY_POSTS").ok().and_then(|n| n.parse().ok()).unwrap_or(POSTS);
    let server = start();
    let address = server.address.clone();
    let pid = server.child.id();

    let (head, page) =
        exchange(&address, format!("GET /login HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n")).await;
    let anonymous_cookie = cookies(&head).join("; ");
    let anonymous_token = csrf_in(&page);
    let form = format!("csrf={anonymous_token}&email=admin%40woonstad.test&password={}", volkshuis_demo::DEMO_PASSWORD);
    let (head, _) = exchange(
        &address,
        format!(
            "POST /login HTTP/1.1\r\nHost: {address}\r\nCookie: {anonymous_cookie}\r\nContent-Type: \
             application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
            form.len()
        ),
    )
    .await;
    assert!(head.starts_with("HTTP/1.1 303"), "login: {head}");
    let signed_in_cookie = cookies(&head).join("; ");
    let (_, dashboard) = exchange(
        &address,
        format!(
            "GET /dashboard HTTP/1.1\r\nHost: {address}\r\nCookie: {signed_in_cookie}\r\nConnection: close\r\n\r\n"
        ),
    )
    .await;
    let signed_in_token = csrf_in(&dashboard);
    let org: String = dashboard
        .split("/orgs/")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
        .expect("a link to the organisation");
    // Forget the peak of the demo's start (filling the database), so the peak below is the posts' own.
    std::fs::write(format!("/proc/{pid}/clear_refs"), "5").expect("reset the peak resident memory");
    let before = peak_rss_mb(pid);

    let mut sent = Vec::new();
    for _ in 0..posts {
        let login = oversized_post(address.clone(), "/login".into(), anonymous_cookie.clone(), anonymous_token.clone());
        sent.push(tokio::spawn(login));
        let upload = format!("/orgs/{org}/stock/import");
        let upload = oversized_post(address.clone(), upload, signed_in_cookie.clone(), signed_in_token.clone());
        sent.push(tokio::spawn(upload));
    }
    let mut answers = Vec::new();
    for post in sent {
        answers.push(post.await.expect("post task"));
    }
    let peak = peak_rss_mb(pid);
    let (health, _) =
        exchange(&address, format!("GET /healthz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n")).await;
    println!("peak RSS before the posts {before} MB, after {peak} MB; answers: {answers:?}");
    assert!(health.starts_with("HTTP/1.1 200"), "the server still answers: {health}");
    assert!(
        answers.iter().flatten().all(|a| !a.contains(" 200 ") && !a.contains(" 303 ") && !a.contains(" 500 ")),
        "every post refused, none failed on the server: {answers:?}"
    );
    assert!(peak < BOUND_MB, "peak resident memory {peak} MB, bound {BOUND_MB} MB (before the posts: {before} MB)");
}
