// Generated maps shared by the benchmarks: the same seed gives the same map.

/** Deterministic PRNG (mulberry32), so every run measures the same maps. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['government', 'business', 'community', 'academia', 'media', 'ngo', 'donor', 'other'];

/**
 * n stakeholders in sector clusters of about 25, with `linksPerStakeholder` · n
 * links (average degree twice that): 85% of links inside a cluster, the rest
 * between clusters.
 */
export function generate(n, seed, linksPerStakeholder = 3) {
  const rand = random(seed);
  const clusters = Math.max(1, Math.round(n / 25));
  const sectors = Array.from({ length: clusters }, (_, i) => ({ id: `sector-${i}`, name: `Sector ${i}` }));
  const clusterOf = (i) => i % clusters;
  const members = sectors.map(() => []);
  const stakeholders = Array.from({ length: n }, (_, i) => {
    const c = clusterOf(i);
    members[c].push(i);
    const extra = rand() < 0.1 ? [`sector-${Math.floor(rand() * clusters)}`] : [];
    return {
      id: `s${i}`, name: `Stakeholder ${i}`, kind: KINDS[Math.floor(rand() * KINDS.length)],
      sectors: [...new Set([`sector-${c}`, ...extra])],
      power: 1 + Math.floor(rand() * 5), interest: 1 + Math.floor(rand() * 5), stance: Math.floor(rand() * 5) - 2,
    };
  });
  const links = [];
  const seen = new Set();
  const target = linksPerStakeholder * n;
  while (links.length < target) {
    const a = Math.floor(rand() * n);
    const pool = rand() < 0.85 ? members[clusterOf(a)] : null;
    const b = pool ? pool[Math.floor(rand() * pool.length)] : Math.floor(rand() * n);
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    links.push({ id: `l${links.length}`, from: `s${a}`, to: `s${b}`, kind: 'partnership', directed: rand() < 0.3 });
  }
  return { format: 'simpul-map', version: 1, title: `Generated ${n}`, sectors, stakeholders, links };
}

