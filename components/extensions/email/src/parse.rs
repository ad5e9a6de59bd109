//! isemail's character-by-character parse of an address (is_email without
//! the DNS check): the highest diagnosis found, and the local part and
//! domain as parsed (comments and folding white space left out).

use crate::diagnosis::*;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Ctx {
    Local,
    Domain,
    Literal,
    Comment,
    Fws,
    Quoted,
    QuotedPair,
}

/// The outcome of checking one address.
pub struct Parsed {
    pub diagnosis: u8,
    pub local: Vec<u8>,
    pub domain: Vec<u8>,
}

const SPECIALS: &[u8] = b"()<>[]:;@\\,.\"";

struct State {
    status: Vec<u8>,
}

impl State {
    fn push(&mut self, d: u8) {
        self.status.push(d);
    }
    fn max(&self) -> u8 {
        self.status.iter().copied().max().unwrap_or(VALID)
    }
}

/// Whether an address literal ends in a dotted IPv4 address (`\b` then
/// four octets of 0-255 at the end); the index where it starts.
fn ipv4_suffix(lit: &[u8]) -> Option<usize> {
    // Try each start position from the left, as the regex's leftmost match does.
    (0..lit.len()).find(|&start| {
        (start == 0 || !is_word(lit[start - 1])) && is_ipv4(&lit[start..])
    })
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_ipv4(s: &[u8]) -> bool {
    let parts: Vec<&[u8]> = s.split(|&b| b == b'.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            (1..=3).contains(&p.len()) && p.iter().all(u8::is_ascii_digit) && {
                // 25[0-5] | 2[0-4][0-9] | [01]?[0-9][0-9]?
                let n: u32 = std::str::from_utf8(p).unwrap().parse().unwrap();
                n <= 255 && !(p.len() == 3 && p[0] != b'0' && p[0] != b'1' && p[0] != b'2')
            }
        })
}

fn check_literal(st: &mut State, literal: &[u8]) {
    if st.max() >= CATEGORY_DEPREC {
        st.push(RFC5322_DOMAINLITERAL);
        return;
    }
    let mut max_groups = 8;
    let mut lit = literal.to_vec();
    let index = ipv4_suffix(literal);
    if let Some(i) = index {
        if i != 0 {
            lit.truncate(i);
            lit.extend_from_slice(b"0:0");
        }
    }
    if index == Some(0) {
        st.push(RFC5321_ADDRESSLITERAL);
    } else if lit.len() < 5 || !lit[..5].eq_ignore_ascii_case(b"IPv6:") {
        st.push(RFC5322_DOMAINLITERAL);
    } else {
        let v6 = &lit[5..];
        let groups: Vec<&[u8]> = v6.split(|&b| b == b':').collect();
        let count = groups.len();
        let find = |from_right: bool| {
            let pos = v6.windows(2).enumerate().filter(|(_, w)| w == b"::").map(|(i, _)| i);
            if from_right { pos.last() } else { pos.into_iter().next() }
        };
        match find(false) {
            None => {
                if count != max_groups {
                    st.push(RFC5322_IPV6_GRPCOUNT);
                }
            }
            Some(i) => {
                if Some(i) != find(true) {
                    st.push(RFC5322_IPV6_2X2XCOLON);
                } else {
                    if i == 0 || i + 2 == v6.len() {
                        max_groups += 1;
                    }
                    if count > max_groups {
                        st.push(RFC5322_IPV6_MAXGRPS);
                    } else if count == max_groups {
                        st.push(RFC5321_IPV6DEPRECATED);
                    }
                }
            }
        }
        if v6.first() == Some(&b':') && v6.get(1) != Some(&b':') {
            st.push(RFC5322_IPV6_COLONSTRT);
        } else if v6.last() == Some(&b':') && (v6.len() < 2 || v6[v6.len() - 2] != b':') {
            st.push(RFC5322_IPV6_COLONEND);
        } else if groups.iter().any(|g| g.len() > 4 || !g.iter().all(u8::is_ascii_hexdigit)) {
            st.push(RFC5322_IPV6_BADCHAR);
        } else {
            st.push(RFC5321_ADDRESSLITERAL);
        }
    }
}

/// Checks an address as is_email($email, false, true) does.
pub fn parse(email: &[u8]) -> Parsed {
    let mut st = State { status: vec![VALID] };
    let n = email.len();
    let mut ctx = Ctx::Local;
    let mut stack = vec![ctx];
    let mut prior = Ctx::Local;
    let mut token: u8 = 0;
    let mut token_prior: u8 = 0;
    let (mut local, mut domain, mut literal) = (Vec::new(), Vec::new(), Vec::new());
    let mut domain_atoms: Vec<Vec<u8>> = vec![Vec::new()];
    let mut element_count = 0usize;
    let mut element_len = 0usize;
    let mut hyphen = false;
    let mut end_or_die = false;
    let mut crlf_count: Option<u32> = None;
    let mut i = 0usize;
    // A CR must be followed by LF (which is consumed with it).
    macro_rules! cr_without_lf {
        () => {{
            if token == b'\r' {
                i += 1;
                i == n || email[i] != b'\n'
            } else {
                false
            }
        }};
    }
    while i < n {
        token = email[i];
        match ctx {
            Ctx::Local => match token {
                b'(' => {
                    if element_len == 0 {
                        st.push(if element_count == 0 { CFWS_COMMENT } else { DEPREC_COMMENT });
                    } else {
                        st.push(CFWS_COMMENT);
                        end_or_die = true;
                    }
                    stack.push(ctx);
                    ctx = Ctx::Comment;
                }
                b'.' => {
                    if element_len == 0 {
                        st.push(if element_count == 0 { ERR_DOT_START } else { ERR_CONSECUTIVEDOTS });
                    } else if end_or_die {
                        st.push(DEPREC_LOCALPART);
                    }
                    end_or_die = false;
                    element_len = 0;
                    element_count += 1;
                    local.push(token);
                }
                b'"' => {
                    if element_len == 0 {
                        st.push(if element_count == 0 { RFC5321_QUOTEDSTRING } else { DEPREC_LOCALPART });
                        local.push(token);
                        element_len += 1;
                        end_or_die = true;
                        stack.push(ctx);
                        ctx = Ctx::Quoted;
                    } else {
                        st.push(ERR_EXPECTING_ATEXT);
                    }
                }
                b'\r' | b' ' | b'\t' => {
                    if cr_without_lf!() {
                        st.push(ERR_CR_NO_LF);
                    } else {
                        if element_len == 0 {
                            st.push(if element_count == 0 { CFWS_FWS } else { DEPREC_FWS });
                        } else {
                            end_or_die = true;
                        }
                        stack.push(ctx);
                        ctx = Ctx::Fws;
                        token_prior = token;
                    }
                }
                b'@' => {
                    if local.is_empty() {
                        st.push(ERR_NOLOCALPART);
                    } else if element_len == 0 {
                        st.push(ERR_DOT_END);
                    } else if local.len() > 64 {
                        st.push(RFC5322_LOCAL_TOOLONG);
                    } else if prior == Ctx::Comment || prior == Ctx::Fws {
                        st.push(DEPREC_CFWS_NEAR_AT);
                    }
                    ctx = Ctx::Domain;
                    stack = vec![ctx];
                    element_count = 0;
                    element_len = 0;
                    end_or_die = false;
                }
                _ => {
                    if end_or_die {
                        st.push(if prior == Ctx::Quoted { ERR_ATEXT_AFTER_QS } else { ERR_ATEXT_AFTER_CFWS });
                    } else {
                        prior = ctx;
                        if !(33..=126).contains(&token) || SPECIALS.contains(&token) {
                            st.push(ERR_EXPECTING_ATEXT);
                        }
                        local.push(token);
                        element_len += 1;
                    }
                }
            },
            Ctx::Domain => match token {
                b'(' => {
                    if element_len == 0 {
                        st.push(if element_count == 0 { DEPREC_CFWS_NEAR_AT } else { DEPREC_COMMENT });
                    } else {
                        st.push(CFWS_COMMENT);
                        end_or_die = true;
                    }
                    stack.push(ctx);
                    ctx = Ctx::Comment;
                }
                b'.' => {
                    if element_len == 0 {
                        st.push(if element_count == 0 { ERR_DOT_START } else { ERR_CONSECUTIVEDOTS });
                    } else if hyphen {
                        st.push(ERR_DOMAINHYPHENEND);
                    } else if element_len > 63 {
                        st.push(RFC5322_LABEL_TOOLONG);
                    }
                    end_or_die = false;
                    element_len = 0;
                    element_count += 1;
                    domain_atoms.push(Vec::new());
                    domain.push(token);
                }
                b'[' => {
                    if domain.is_empty() {
                        end_or_die = true;
                        element_len += 1;
                        stack.push(ctx);
                        ctx = Ctx::Literal;
                        domain.push(token);
                        domain_atoms[element_count].push(token);
                        literal.clear();
                    } else {
                        st.push(ERR_EXPECTING_ATEXT);
                    }
                }
                b'\r' | b' ' | b'\t' => {
                    if cr_without_lf!() {
                        st.push(ERR_CR_NO_LF);
                    } else {
                        if element_len == 0 {
                            st.push(if element_count == 0 { DEPREC_CFWS_NEAR_AT } else { DEPREC_FWS });
                        } else {
                            st.push(CFWS_FWS);
                            end_or_die = true;
                        }
                        stack.push(ctx);
                        ctx = Ctx::Fws;
                        token_prior = token;
                    }
                }
                _ => {
                    if end_or_die {
                        st.push(if prior == Ctx::Literal { ERR_ATEXT_AFTER_DOMLIT } else { ERR_ATEXT_AFTER_CFWS });
                    }
                    hyphen = false;
                    if !(33..=126).contains(&token) || SPECIALS.contains(&token) {
                        st.push(ERR_EXPECTING_ATEXT);
                    } else if token == b'-' {
                        if element_len == 0 {
                            st.push(ERR_DOMAINHYPHENSTART);
                        }
                        hyphen = true;
                    } else if !token.is_ascii_alphanumeric() {
                        st.push(RFC5322_DOMAIN);
                    }
                    domain.push(token);
                    domain_atoms[element_count].push(token);
                    element_len += 1;
                }
            },
            Ctx::Literal => match token {
                b']' => {
                    check_literal(&mut st, &literal);
                    domain.push(token);
                    domain_atoms[element_count].push(token);
                    element_len += 1;
                    prior = ctx;
                    ctx = stack.pop().unwrap_or(Ctx::Local);
                }
                b'\\' => {
                    st.push(RFC5322_DOMLIT_OBSDTEXT);
                    stack.push(ctx);
                    ctx = Ctx::QuotedPair;
                }
                b'\r' | b' ' | b'\t' => {
                    if cr_without_lf!() {
                        st.push(ERR_CR_NO_LF);
                    } else {
                        st.push(CFWS_FWS);
                        stack.push(ctx);
                        ctx = Ctx::Fws;
                        token_prior = token;
                    }
                }
                _ => {
                    if token > 127 || token == 0 || token == b'[' {
                        st.push(ERR_EXPECTING_DTEXT);
                    } else {
                        if token < 33 || token == 127 {
                            st.push(RFC5322_DOMLIT_OBSDTEXT);
                        }
                        literal.push(token);
                        domain.push(token);
                        domain_atoms[element_count].push(token);
                        element_len += 1;
                    }
                }
            },
            Ctx::Quoted => match token {
                b'\\' => {
                    stack.push(ctx);
                    ctx = Ctx::QuotedPair;
                }
                b'\r' | b'\t' => {
                    if cr_without_lf!() {
                        st.push(ERR_CR_NO_LF);
                    } else {
                        local.push(b' ');
                        element_len += 1;
                        st.push(CFWS_FWS);
                        stack.push(ctx);
                        ctx = Ctx::Fws;
                        token_prior = token;
                    }
                }
                b'"' => {
                    local.push(token);
                    element_len += 1;
                    prior = ctx;
                    ctx = stack.pop().unwrap_or(Ctx::Local);
                }
                _ => {
                    if token > 127 || token == 0 || token == 10 {
                        st.push(ERR_EXPECTING_QTEXT);
                    } else if token < 32 || token == 127 {
                        st.push(DEPREC_QTEXT);
                    }
                    local.push(token);
                    element_len += 1;
                }
            },
            Ctx::QuotedPair => {
                if token > 127 {
                    st.push(ERR_EXPECTING_QPAIR);
                } else if (token < 31 && token != 9) || token == 127 {
                    st.push(DEPREC_QP);
                }
                prior = ctx;
                ctx = stack.pop().unwrap_or(Ctx::Local);
                match ctx {
                    Ctx::Quoted => {
                        local.extend_from_slice(&[b'\\', token]);
                        element_len += 2;
                    }
                    Ctx::Literal => {
                        domain.extend_from_slice(&[b'\\', token]);
                        domain_atoms[element_count].extend_from_slice(&[b'\\', token]);
                        element_len += 2;
                    }
                    _ => {}
                }
                token = b'\\';
            }
            Ctx::Comment => match token {
                b'(' => {
                    stack.push(ctx);
                    ctx = Ctx::Comment;
                }
                b')' => {
                    prior = ctx;
                    ctx = stack.pop().unwrap_or(Ctx::Local);
                }
                b'\\' => {
                    stack.push(ctx);
                    ctx = Ctx::QuotedPair;
                }
                b'\r' | b' ' | b'\t' => {
                    if cr_without_lf!() {
                        st.push(ERR_CR_NO_LF);
                    } else {
                        st.push(CFWS_FWS);
                        stack.push(ctx);
                        ctx = Ctx::Fws;
                        token_prior = token;
                    }
                }
                _ => {
                    if token > 127 || token == 0 || token == 10 {
                        st.push(ERR_EXPECTING_CTEXT);
                    } else if token < 32 || token == 127 {
                        st.push(DEPREC_CTEXT);
                    }
                }
            },
            Ctx::Fws => {
                let mut done = false;
                if token_prior == b'\r' {
                    if token == b'\r' {
                        st.push(ERR_FWS_CRLF_X2);
                        done = true;
                    } else {
                        match crlf_count.as_mut() {
                            Some(c) => {
                                *c += 1;
                                if *c > 1 {
                                    st.push(DEPREC_FWS);
                                }
                            }
                            None => crlf_count = Some(1),
                        }
                    }
                }
                if !done {
                    match token {
                        b'\r' => {
                            i += 1;
                            if i == n || email[i] != b'\n' {
                                st.push(ERR_CR_NO_LF);
                            }
                        }
                        b' ' | b'\t' => {}
                        _ => {
                            if token_prior == b'\r' {
                                st.push(ERR_FWS_CRLF_END);
                            } else {
                                crlf_count = None;
                                prior = ctx;
                                ctx = stack.pop().unwrap_or(Ctx::Local);
                                // Look at this token again in the parent context.
                                token_prior = token;
                                continue;
                            }
                        }
                    }
                    token_prior = token;
                }
            }
        }
        if st.max() > CATEGORY_RFC5322 {
            break;
        }
        i += 1;
    }
    if st.max() < CATEGORY_RFC5322 {
        if ctx == Ctx::Quoted {
            st.push(ERR_UNCLOSEDQUOTEDSTR);
        } else if ctx == Ctx::QuotedPair {
            st.push(ERR_BACKSLASHEND);
        } else if ctx == Ctx::Comment {
            st.push(ERR_UNCLOSEDCOMMENT);
        } else if ctx == Ctx::Literal {
            st.push(ERR_UNCLOSEDDOMLIT);
        } else if token == b'\r' {
            st.push(ERR_FWS_CRLF_END);
        } else if domain.is_empty() {
            st.push(ERR_NODOMAIN);
        } else if element_len == 0 {
            st.push(ERR_DOT_END);
        } else if hyphen {
            st.push(ERR_DOMAINHYPHENEND);
        } else if domain.len() > 255 {
            st.push(RFC5322_DOMAIN_TOOLONG);
        } else if local.len() + 1 + domain.len() > 254 {
            st.push(RFC5322_TOOLONG);
        } else if element_len > 63 {
            st.push(RFC5322_LABEL_TOOLONG);
        }
    }
    // No DNS lookup: the checks is_email makes when it did not look up DNS.
    if st.max() < 7 {
        if element_count == 0 {
            st.push(RFC5321_TLD);
        }
        if domain_atoms.get(element_count).and_then(|a| a.first()).is_some_and(u8::is_ascii_digit) {
            st.push(RFC5321_TLDNUMERIC);
        }
    }
    Parsed { diagnosis: st.max(), local, domain }
}
