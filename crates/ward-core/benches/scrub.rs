//! Scrubber throughput over two corpora generated deterministically: realistic mixed-language analyst text, and a
//! digit-dense worst case where nearly every word is a number the recognisers must look at.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ward_core::scrub::{Positions, redact, scan};

const SIZE: usize = 8 << 20;

/// xorshift64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items
            .get(self.below(items.len() as u64) as usize)
            .copied()
            .unwrap_or_default()
    }

    fn hex(&mut self, len: usize) -> String {
        (0..len)
            .filter_map(|_| char::from_digit(self.below(16) as u32, 16))
            .collect()
    }

    fn digits(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

const SENTENCES: &[&str] = &[
    "Beacon from {ip} to {ip}:{port} seen at {ts}, {count} records exfiltrated.",
    "Het ziekenhuis meldt verdachte logins vanaf {ip} op {date} om {time}; hash {sha256}.",
    "Le serveur PACS exposait le port {port} ; la version {version} est vulnérable à {cve}.",
    "Patch {cve} and {cve} on all hosts running {version} before {date}.",
    "Sample {md5} dropped {sha1} into C:\\ProgramData\\{word}\\{word}.dll (build {version}).",
    "Zie {url} voor de IOC-lijst; {count} hosts getroffen, correlatie-id {uuid}.",
    "Ransomware-groep {word} claimt {count} GB; lekdatum {date}, onderhandeling gestopt.",
    "Phishing lure '{word} factuur' from {ip}, {count} users clicked between {time} and {time}.",
    "Les journaux du pare-feu montrent {count} connexions vers {ip} ({url}).",
    "MFA fatigue attack: {count} prompts in {count} minutes, blocked at {ts}.",
    "Detection rule {word}-{count} matches {sha256} and {md5}.",
    "The EDR quarantined {word}.exe ({sha1}) on {count} endpoints running {version}.",
];

/// Sentences with personal data, and how many findings each holds.
const PERSONAL: &[(&str, usize)] = &[
    ("Contact: jan.peeters@az-voorbeeld.be of 0470 12 34 56.", 2),
    ("Patiënt met INSZ 85.07.30-033.28 werd getroffen.", 1),
    (
        "Remboursement sur BE68 5390 0754 7034, tél. +32 2 123 45 67.",
        2,
    ),
    (
        "BIS 98.47.28-997.65 doorgestuurd naar soc@ziekenhuis.example.",
        2,
    ),
];

const WORDS: &[&str] = &[
    "LockBit", "BlackCat", "qakbot", "svchost", "Update", "Medisch", "rapport", "Akira",
];

fn fill(rng: &mut Rng, template: &str) -> String {
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        let value = match &rest[open + 1..close] {
            "ip" => format!(
                "{}.{}.{}.{}",
                rng.below(256),
                rng.below(256),
                rng.below(256),
                rng.below(256)
            ),
            "port" => rng.below(65536).to_string(),
            "ts" => format!(
                "2026-{:02}-{:02}T{:02}:{:02}:{:02}Z",
                1 + rng.below(12),
                1 + rng.below(28),
                rng.below(24),
                rng.below(60),
                rng.below(60)
            ),
            "date" => match rng.below(2) {
                0 => format!("2026-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
                _ => format!("{:02}/{:02}/2026", 1 + rng.below(28), 1 + rng.below(12)),
            },
            "time" => format!(
                "{:02}:{:02}:{:02}",
                rng.below(24),
                rng.below(60),
                rng.below(60)
            ),
            "count" => rng.below(10_000_000).to_string(),
            "version" => format!("{}.{}.{}", rng.below(20), rng.below(10), rng.below(30_000)),
            "cve" => format!("CVE-20{}-{}", 10 + rng.below(17), 1000 + rng.below(60_000)),
            "md5" => rng.hex(32),
            "sha1" => rng.hex(40),
            "sha256" => rng.hex(64),
            "uuid" => format!(
                "{}-{}-{}-{}-{}",
                rng.hex(8),
                rng.hex(4),
                rng.hex(4),
                rng.hex(4),
                rng.hex(12)
            ),
            "url" => format!(
                "https://intel.example.org/{}/{}?id={}",
                rng.pick(WORDS),
                rng.hex(8),
                rng.below(100_000)
            ),
            _ => rng.pick(WORDS).to_owned(),
        };
        out.push_str(&value);
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

/// Analyst prose with personal data in about one sentence in fifty, and how many findings were planted.
fn mixed() -> (String, usize) {
    let mut rng = Rng(0x5EED_0001);
    let mut text = String::with_capacity(SIZE + 1024);
    let mut planted = 0;
    while text.len() < SIZE {
        if rng.below(50) == 0 {
            let (sentence, findings) = PERSONAL
                .get(rng.below(PERSONAL.len() as u64) as usize)
                .copied()
                .unwrap_or_default();
            text.push_str(sentence);
            planted += findings;
        } else {
            let template = rng.pick(SENTENCES);
            text.push_str(&fill(&mut rng, template));
        }
        text.push(if rng.below(6) == 0 { '\n' } else { ' ' });
    }
    (text, planted)
}

/// Numbers only: compact 9–13 digit runs, grouped runs in the national-number and phone shapes, addresses, dates.
fn digit_dense() -> String {
    let mut rng = Rng(0x5EED_0002);
    let mut text = String::with_capacity(SIZE + 1024);
    while text.len() < SIZE {
        let len = rng.below(5) as usize;
        let token = match rng.below(8) {
            0 => rng.digits(9 + len),
            1 => format!(
                "{}.{}.{}-{}.{}",
                rng.digits(2),
                rng.digits(2),
                rng.digits(2),
                rng.digits(3),
                rng.digits(2)
            ),
            2 => format!(
                "0{} {} {} {}",
                rng.digits(3),
                rng.digits(2),
                rng.digits(2),
                rng.digits(2)
            ),
            3 => format!(
                "+{} {} {} {} {}",
                rng.digits(2),
                rng.digits(3),
                rng.digits(2),
                rng.digits(2),
                rng.digits(2)
            ),
            4 => format!(
                "{}.{}.{}.{}",
                rng.below(256),
                rng.below(256),
                rng.below(256),
                rng.below(256)
            ),
            5 => format!("{}-{}-{}", rng.digits(4), rng.digits(2), rng.digits(2)),
            6 => format!("00{}{}", 1 + rng.below(9), rng.digits(10)),
            _ => format!(
                "{} {} {}",
                rng.digits(1 + len % 4),
                rng.digits(2),
                rng.digits(3)
            ),
        };
        text.push_str(&token);
        text.push(
            rng.pick(&[" ", " ", ", ", "\n", "; "])
                .chars()
                .next()
                .unwrap_or(' '),
        );
    }
    text
}

fn bench(c: &mut Criterion) {
    let (mixed, planted) = mixed();
    // The realistic corpus doubles as a false-positive check: only the planted personal data may be found.
    assert_eq!(
        scan(&mixed).len(),
        planted,
        "findings in the mixed corpus beyond the planted ones"
    );
    let mut group = c.benchmark_group("scrub");
    for (name, text) in [("mixed", mixed), ("digit_dense", digit_dense())] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("scan/{name}"), |b| {
            b.iter(|| scan(black_box(&text)))
        });
        let findings = scan(&text);
        group.bench_function(format!("redact/{name}"), |b| {
            b.iter(|| redact(black_box(&text), &findings))
        });
        group.bench_function(format!("positions/{name}"), |b| {
            b.iter(|| {
                let mut positions = Positions::new(black_box(&text));
                findings
                    .iter()
                    .map(|f| positions.at(f.span.start).line)
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
