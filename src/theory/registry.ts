// The theorem registry: every result of THEORY.md as data (statement, named hypotheses, constants,
// proof sketch, source), so that theorem files can be generated from it and reports can cite it.

export const SOURCE = 'Petrache & Trivedi, NeurIPS 2023 (arXiv:2305.17592), constants derived in THEORY.md';

export const theoremIds = [
  'cover.ball',
  'cover.cube',
  'cover.simplex',
  'cover.arc',
  'cover.power',
  'entropy.lipschitz',
  'entropy.loss',
  'rademacher.dudley',
  'dudley.cutoff',
  'uniform.deviation',
  'gen.exact',
  'gen.exact.power',
  'gain.finite',
  'gain.lie',
  'average.project',
  'entropy.approx',
  'gen.approx',
  'gen.approx.additive',
  'gen.approx.shift',
  'partial.words',
  'gen.partial',
  'approx.lower',
  'approx.upper',
  'approx.l2',
  'tradeoff.excess',
  'tradeoff.optimal',
  'sample.size',
] as const;

export type TheoremId = (typeof theoremIds)[number];

export type Topic = 'covering' | 'entropy' | 'dudley' | 'gen-exact' | 'gen-exact-power' | 'gain' | 'approx' | 'partial' | 'tradeoff-excess' | 'tradeoff-optimal';

export interface HypothesisSpec {
  readonly name: string;
  readonly statement: string;
}

export interface TheoremSpec {
  readonly id: TheoremId;
  readonly section: string;
  readonly topic: Topic;
  readonly title: string;
  readonly hypotheses: readonly HypothesisSpec[];
  readonly statement: string;
  readonly constants: readonly string[];
  readonly proofSketch: string;
  readonly uses: readonly TheoremId[];
  readonly source: string;
}

const H = (name: string, statement: string): HypothesisSpec => ({ name, statement });

const compact = H('compact_space', '(X, d) is a compact metric space');
const isometric = H('isometric_action', 'G acts on X by isometries and on R^k by orthogonal matrices rho(g)');
const domain = H('fundamental_domain', 'X0 meets every G-orbit');
const lipClass = H('lipschitz_class', 'the class consists of L-Lipschitz maps into the closed ball B^k_M');
const lipLoss = H('lipschitz_loss', 'the loss l(., y) is lambda-Lipschitz for every y and takes values in [0, B]');
const iid = H('iid_sample', 'the n samples are i.i.d.; 0 < delta < 1');
const exactEq = H('exact_equivariance', 'every f in the class satisfies f(g x) = rho(g) f(x)');
const approxEq = H('approximate_equivariance', 'every f in the class has ee_G(f) <= eps');

type Spec = Omit<TheoremSpec, 'id' | 'source'>;

const specs: Record<TheoremId, Spec> = {
  'cover.ball': {
    section: '1',
    topic: 'covering',
    title: 'Covering numbers of a Euclidean ball',
    hypotheses: [H('euclidean_ball', 'S = B^k_R, the closed Euclidean ball of radius R in R^k')],
    statement: 'N(B^k_R, r) <= (1 + 2R/r)^k',
    constants: ['1 + 2R/r per dimension'],
    proofSketch: 'A maximal r-separated subset of the ball is an r-net; the balls of radius r/2 about its points are disjoint and lie in the ball of radius R + r/2, so comparing volumes gives at most ((R + r/2)/(r/2))^k = (1 + 2R/r)^k points.',
    uses: [],
  },
  'cover.cube': {
    section: '1',
    topic: 'covering',
    title: 'Covering numbers of a cube in the sup metric',
    hypotheses: [H('sup_cube', 'S = [0, a]^d with the sup metric')],
    statement: 'N([0, a]^d, r) = ceil(a/(2r))^d',
    constants: ['exact'],
    proofSketch: 'A closed sup-ball of radius r is a cube of side 2r: the grid of K = ceil(a/(2r)) cells per axis covers, and fewer cells cannot cover an axis of length a, so the product count is exact.',
    uses: [],
  },
  'cover.simplex': {
    section: '1',
    topic: 'covering',
    title: 'Covering numbers of the sorted cone (fundamental domain of S_d)',
    hypotheses: [H('sorted_cone', 'S = {0 <= x_1 <= ... <= x_d <= a} with the sup metric')],
    statement: 'N(S, r) <= C(K + d - 1, d) with K = ceil(a/(2r))',
    constants: ['C(K + d - 1, d) ~ K^d/d!'],
    proofSketch: 'Cut [0, a]^d into K^d grid cells of side a/K <= 2r; a cell meets the sorted cone only if its grid indices are non-decreasing, and there are C(K + d - 1, d) non-decreasing index tuples.',
    uses: ['cover.cube'],
  },
  'cover.arc': {
    section: '1',
    topic: 'covering',
    title: 'Covering numbers of an arc (and of the circle)',
    hypotheses: [H('arc', 'S is an arc of length l with the geodesic metric (the circle: l = 2 pi)')],
    statement: 'N(S, r) = ceil(l/(2r))',
    constants: ['exact'],
    proofSketch: 'A closed ball of radius r is an arc of length 2r; ceil(l/(2r)) consecutive arcs cover, and fewer have total length below l. Under C_m the circle has the fundamental domain an arc of length 2 pi/m.',
    uses: [],
  },
  'cover.power': {
    section: '1',
    topic: 'covering',
    title: 'Power-law covering assumption',
    hypotheses: [H('power_law', 'N(X0, r) <= A r^(-d) for 0 < r <= r0'), H('coarsest_scale', 'r0 >= B/(4 lambda L), so the law holds at every scale a bound uses')],
    statement: 'N(X0, r) <= A r^(-d) for 0 < r <= r0',
    constants: ['A', 'd = dim X - dim G for a Lie group with finite stabilisers'],
    proofSketch: 'An assumption; the tool checks r0 >= B/(4 lambda L) because the Dudley integral uses scales t/(2 lambda L) up to t = B/2.',
    uses: [],
  },
  'entropy.lipschitz': {
    section: '1',
    topic: 'entropy',
    title: 'Metric entropy of equivariant Lipschitz maps',
    hypotheses: [compact, isometric, domain, lipClass],
    statement: 'log N_ext(Lip_G(L, M), t) <= N(X0, t/(2L)) * k * log(1 + 4M/t) for every t > 0',
    constants: ['scale t/(2L) on X0', '(1 + 4M/t)^k points of a t/2-net of B^k_M'],
    proofSketch:
      'Take a t/(2L)-net of X0 and its Voronoi cells, and a t/2-net Q of B^k_M (cover.ball). Map f to h0 = q_i on the cell of c_i with |q_i - f(c_i)| <= t/2, so |f - h0| <= t on X0; extend by h(g x) = rho(g) h0(x). Orthogonality of rho(g) keeps the error t on all of X. An external cover need not be equivariant, so multiple representations are harmless.',
    uses: ['cover.ball'],
  },
  'entropy.loss': {
    section: '1',
    topic: 'entropy',
    title: 'Entropy of the loss class',
    hypotheses: [lipLoss],
    statement: 'N_ext(l o F, lambda t) <= N_ext(F, t)',
    constants: ['lambda'],
    proofSketch: 'If |f - h| <= t in sup norm then |l(f(x), y) - l(h(x), y)| <= lambda t, so the images of a t-cover of F form a lambda t-cover of l o F.',
    uses: [],
  },
  'rademacher.dudley': {
    section: '1',
    topic: 'dudley',
    title: 'Dudley entropy integral',
    hypotheses: [H('bounded_class', 'the functions of H take values in [0, B]'), H('sample_size', 'n is a positive integer')],
    statement: 'Rad_n(H) <= inf_{0 <= alpha <= B/2} ( 4 alpha + (12/sqrt(n)) int_alpha^{B/2} sqrt(log N_ext(H, t)) dt )',
    constants: ['4', '12'],
    proofSketch: 'Chaining over dyadic scales from B/2 down to alpha; centring the class at B/2 leaves the Rademacher complexity unchanged, so the coarsest scale is B/2.',
    uses: [],
  },
  'dudley.cutoff': {
    section: '1',
    topic: 'dudley',
    title: 'The optimal cut-off of the Dudley integral',
    hypotheses: [H('non_increasing_envelope', 'h(t) >= sqrt(log N_ext(H, t)) is non-increasing, right-continuous at its jumps')],
    statement: 'alpha* = inf { alpha in (0, B/2] : h(alpha) <= sqrt(n)/3 } minimises phi(alpha) = 4 alpha + (12/sqrt(n)) int_alpha^{B/2} h',
    constants: ['sqrt(n)/3'],
    proofSketch: 'phi is convex on (0, B/2] with one-sided derivatives 4 - (12/sqrt(n)) h(alpha +- 0); the derivative changes sign where h crosses sqrt(n)/3. With exact ceilings the crossing is usually a jump point, a rational number.',
    uses: ['rademacher.dudley'],
  },
  'uniform.deviation': {
    section: '1',
    topic: 'dudley',
    title: 'Uniform deviation by Rademacher complexity',
    hypotheses: [lipLoss, iid],
    statement: 'with probability >= 1 - delta, for all f in F: |R(f) - R_n(f)| <= 2 Rad_n(l o F) + B sqrt(log(2/delta)/(2n))',
    constants: ['2', 'B sqrt(log(2/delta)/(2n))'],
    proofSketch: 'Symmetrisation gives the expected deviation 2 Rad_n; McDiarmid for each of the two one-sided suprema with bounded differences B/n and a union bound give the confidence term.',
    uses: [],
  },
  'gen.exact': {
    section: '2',
    topic: 'gen-exact',
    title: 'Generalization of exactly equivariant Lipschitz models',
    hypotheses: [compact, isometric, domain, lipClass, exactEq, lipLoss, iid],
    statement:
      'with probability >= 1 - delta, for all f in Lip_G(L, M): |R(f) - R_n(f)| <= Gamma_G := 2 inf_alpha [ 4 alpha + (12/sqrt(n)) int_alpha^{B/2} sqrt(k N(X0, t/(2 lambda L)) log(1 + 4 lambda M/t)) dt ] + B sqrt(log(2/delta)/(2n))',
    constants: ['scale t/(2 lambda L)', '4 lambda M/t', 'cut-off alpha* by dudley.cutoff'],
    proofSketch: 'Chain entropy.lipschitz (with G), entropy.loss, rademacher.dudley and uniform.deviation. With G trivial (X0 = X) this is Gamma_1 for the unconstrained class.',
    uses: ['entropy.lipschitz', 'entropy.loss', 'rademacher.dudley', 'dudley.cutoff', 'uniform.deviation'],
  },
  'gen.exact.power': {
    section: '2',
    topic: 'gen-exact-power',
    title: 'Closed power-law form of the exact-equivariance bound',
    hypotheses: [...[compact, isometric, domain, lipClass, exactEq, lipLoss, iid], H('power_law', 'N(X0, r) <= A r^(-d) for 0 < r <= r0 with r0 >= B/(4 lambda L)'), H('dimension', 'd > 2')],
    statement:
      'Gamma_G <= P(alpha) := 2 [ 4 alpha + (12/sqrt(n)) sqrt(k A l_alpha) (2 lambda L)^(d/2) alpha^(1 - d/2)/(d/2 - 1) ] + B sqrt(log(2/delta)/(2n)) for alpha in (0, min(B/2, 2 lambda L r0)], l_alpha = log(1 + 4 lambda M/alpha); and Gamma_G <= (16 d lambda L/(d - 2)) (9 k A l0/n)^(1/d) + B sqrt(log(2/delta)/(2n)) with l0 = l at the fixed point of alpha = 2 lambda L (9 k A log(1 + 4 lambda M/alpha)/n)^(1/d)',
    constants: ['16 d lambda L/(d - 2)', '9 k A', 'C = (24/sqrt(n)) sqrt(k A l0) (2 lambda L)^(d/2)/(d - 2)'],
    proofSketch:
      'For t >= alpha bound log(1 + 4 lambda M/t) by l_alpha and integrate t^(-d/2) to infinity: alpha^(1 - d/2)/(d/2 - 1). Freezing l at l0 = l_alpha0, 2[4 alpha + C alpha^(1 - d/2)] is minimised at alpha~ = (C (d - 2)/8)^(2/d) = 2 lambda L (9 k A l0/n)^(1/d) with value 8 d alpha~/(d - 2); choosing alpha0 = alpha~ (a fixed point) makes the frozen logarithm valid.',
    uses: ['gen.exact', 'cover.power'],
  },
  'gain.finite': {
    section: '2',
    topic: 'gain',
    title: 'Gain of a finite group',
    hypotheses: [H('finite_group', 'G is finite and acts by isometries'), H('power_envelopes', 'power-law envelopes with A_G = A_1/|G| (free action up to a null set) for the limit |G|^(-1/d)')],
    statement: 'Gamma_G/Gamma_1 at n, computed exactly; as n -> infinity the ratio tends to |G|^(-1/d) for d > 2 (logarithmically for d = 2; for d < 2 to the ratio of 24 I + B sqrt(log(2/delta)/2))',
    constants: ['|G|^(-1/d)'],
    proofSketch: 'By gen.exact.power the equivariant bound at n samples equals the unconstrained one at |G| n samples up to the logarithm l0, and the leading terms differ by (A_G/A_1)^(1/d). Ceiling covering numbers are not exactly 1/|G| of each other at every scale, so the ratio at n is computed, never assumed.',
    uses: ['gen.exact', 'gen.exact.power'],
  },
  'gain.lie': {
    section: '2',
    topic: 'gain',
    title: 'Gain of a compact Lie group: the dimension drops',
    hypotheses: [H('lie_group', 'G is a compact Lie group acting by isometries with finite stabilisers (off a null set)')],
    statement: 'the rate n^(-1/d) becomes n^(-1/(d - dim G)) when d - dim G > 2; when d - dim G <= 2 the rate is n^(-1/2) (with a logarithm at 2)',
    constants: ['d - dim G'],
    proofSketch: 'The fundamental domain has covering dimension d - dim G (cover.power); gen.exact.power and the d <= 2 discussion give the rates.',
    uses: ['gen.exact.power', 'cover.power'],
  },
  'average.project': {
    section: '3',
    topic: 'approx',
    title: 'Averaging projects onto equivariant maps',
    hypotheses: [H('compact_group', 'G is finite (compact: Haar average) and acts by isometries, rho orthogonal'), lipClass],
    statement: 'Q f(x) := (1/|G|) sum_g rho(g)^(-1) f(g x) is G-equivariant, L-Lipschitz, valued in B^k_M, and ||f - Q f||_inf <= ee_G(f)',
    constants: ['1'],
    proofSketch: 'Average ||rho(g)^(-1)(rho(g) f(x) - f(g x))|| <= ee_G(f); Q f(h x) = rho(h) Q f(x) by re-indexing; convexity of the ball and of Lipschitz maps under averaging by isometries. If ee_G(f) = 0 then Q f = f.',
    uses: [],
  },
  'entropy.approx': {
    section: '3',
    topic: 'approx',
    title: 'Entropy of approximately equivariant maps',
    hypotheses: [compact, isometric, domain, lipClass, approxEq],
    statement: 'log N_ext(Lip_{G,eps}, t) <= min(H_1(t), H_G(t - eps)) for t > eps and <= H_1(t) for t <= eps',
    constants: ['shift eps'],
    proofSketch: 'Q maps Lip_{G,eps} into Lip_G within eps (average.project), so a (t - eps)-cover of Lip_G is a t-cover of Lip_{G,eps}; Lip_{G,eps} is inside Lip.',
    uses: ['average.project', 'entropy.lipschitz'],
  },
  'gen.approx': {
    section: '3',
    topic: 'approx',
    title: 'Generalization under approximate equivariance',
    hypotheses: [compact, isometric, domain, lipClass, approxEq, lipLoss, iid],
    statement:
      'Gamma(eps) := min(Gamma_scale(eps), Gamma_G + 2 lambda eps, Gamma_1) bounds |R - R_n| on Lip_{G,eps}, where Gamma_scale is gen.exact with the entropy min(H_1(t/lambda), H_G(t/lambda - eps))',
    constants: ['2 lambda eps'],
    proofSketch: 'Each of the three is a valid bound: the scale-by-scale one by entropy.approx in the Dudley integral, the additive one because Rad_n(l o F) <= Rad_n(l o Q F) + lambda eps, and Gamma_1 because Lip_{G,eps} is inside Lip.',
    uses: ['entropy.approx', 'gen.exact', 'gen.approx.additive'],
  },
  'gen.approx.additive': {
    section: '3',
    topic: 'approx',
    title: 'Additive approximate-equivariance bound',
    hypotheses: [compact, isometric, domain, lipClass, approxEq, lipLoss, iid],
    statement: '|R(f) - R_n(f)| <= Gamma_G + 2 lambda eps for all f in Lip_{G,eps}',
    constants: ['2 lambda eps'],
    proofSketch: 'Rad_n(l o F) <= Rad_n(l o Q F) + lambda eps since |l(f(x), y) - l(Qf(x), y)| <= lambda eps, and Q F is inside Lip_G (average.project).',
    uses: ['average.project', 'gen.exact'],
  },
  'gen.approx.shift': {
    section: '3',
    topic: 'approx',
    title: 'The scale-by-scale bound grows at most like 8 lambda eps',
    hypotheses: [compact, isometric, domain, lipClass, approxEq, lipLoss, iid],
    statement: 'Gamma_scale(eps) <= Gamma_G + 8 lambda eps',
    constants: ['8 lambda eps'],
    proofSketch: 'Evaluate the Dudley objective of Gamma_scale at alpha = alpha*_G + lambda eps and substitute s = t - lambda eps; the integral only loses its top end.',
    uses: ['gen.approx'],
  },
  'partial.words': {
    section: '3',
    topic: 'partial',
    title: 'Partial equivariance propagates along words',
    hypotheses: [H('transformation_set', 'T is a set of isometries; ||f(t x) - rho(t) f(x)|| <= eps for t in T')],
    statement: 'for a word g of length m in T and T^(-1): ||f(g x) - rho(g) f(x)|| <= m eps; so f is in Lip_{H, m_H eps} for each finite subgroup H of <T> with word radius m_H = max_{h in H} |h|_T',
    constants: ['m_H'],
    proofSketch: 'Telescoping along the word; an inverse t^(-1) costs eps by substituting y = t^(-1) x. Example: T = {rotation by 2 pi/m}, C_j for j | m has m_{C_j} = floor(j/2) (m/j).',
    uses: [],
  },
  'gen.partial': {
    section: '3',
    topic: 'partial',
    title: 'Generalization under partial equivariance',
    hypotheses: [H('transformation_set', 'T is a set of isometries; the class has ||f(t x) - rho(t) f(x)|| <= eps for t in T'), lipClass, lipLoss, iid],
    statement: 'Gamma_T(eps) <= min over finite subgroups H of <T> of Gamma_H(m_H eps)',
    constants: ['m_H eps'],
    proofSketch: 'By partial.words the class lies in Lip_{H, m_H eps} for every such H; apply gen.approx to each and take the minimum.',
    uses: ['partial.words', 'gen.approx'],
  },
  'approx.lower': {
    section: '4',
    topic: 'approx',
    title: 'Lower bound on the approximation error',
    hypotheses: [H('target', 'f* has data equivariance error eta = ee_G(f*)'), approxEq],
    statement: 'A(eps) := inf_{f in Lip_{G,eps}} ||f - f*||_inf >= (eta - eps)_+/2',
    constants: ['1/2'],
    proofSketch: '||f*(g x) - rho(g) f*(x)|| <= ||f*(g x) - f(g x)|| + ||f(g x) - rho(g) f(x)|| + ||rho(g)(f(x) - f*(x))|| <= 2||f - f*|| + ee_G(f).',
    uses: [],
  },
  'approx.upper': {
    section: '4',
    topic: 'approx',
    title: 'Upper bound on the approximation error',
    hypotheses: [H('target', 'f* is L*-Lipschitz into B^k_M with eta = ee_G(f*)'), H('lipschitz_room', 'L >= L*'), approxEq],
    statement: 'A(eps) <= (eta - eps)_+',
    constants: ['1'],
    proofSketch: 'f_s = (1 - s) f* + s Q f* with s = 1 - eps/eta is L*-Lipschitz (so in the class when L >= L*); ee_G is convex with ee_G(Q f*) = 0, so ee_G(f_s) <= (1 - s) eta = eps, while ||f_s - f*|| <= s eta = eta - eps.',
    uses: ['average.project'],
  },
  'approx.l2': {
    section: '4',
    topic: 'approx',
    title: 'Approximation error in L^2 for an invariant input law',
    hypotheses: [H('invariant_law', 'the input law mu is G-invariant'), H('squared_loss', 'the loss is the squared loss')],
    statement: 'the excess risk of an exactly equivariant f is ||f - Q f*||^2 + eta_2^2 with eta_2 := ||f* - Q f*||_{L^2(mu)}; the best exactly equivariant model has approximation error exactly eta_2^2',
    constants: ['eta_2^2'],
    proofSketch: 'With mu invariant, Q is the orthogonal projection of L^2(mu) onto equivariant maps; Pythagoras.',
    uses: ['average.project'],
  },
  'tradeoff.excess': {
    section: '5',
    topic: 'tradeoff-excess',
    title: 'Excess risk of ERM over approximately equivariant models',
    hypotheses: [H('target', 'f* is L*-Lipschitz with data equivariance error eta'), H('lipschitz_room', 'L >= L*'), approxEq, lipLoss, iid],
    statement: 'with probability >= 1 - delta, R(f_eps) - R(f*) <= E(eps) := lambda (eta - eps)_+ + 2 Gamma(eps)',
    constants: ['lambda', '2'],
    proofSketch: 'Compare with the best model of approx.upper; the two deviations of gen.approx add.',
    uses: ['approx.upper', 'gen.approx'],
  },
  'tradeoff.optimal': {
    section: '5',
    topic: 'tradeoff-optimal',
    title: 'The optimal model equivariance error',
    hypotheses: [H('target', 'f* is L*-Lipschitz with data equivariance error eta'), H('lipschitz_room', 'L >= L*'), lipLoss, iid],
    statement:
      'eps* := argmin_{eps >= 0} E(eps) lies in [0, eta]; with gen.approx.additive min E = min(lambda eta + 2 Gamma_G, 2 Gamma_1), and exact equivariance (eps* = 0) wins iff eta <= 2 (Gamma_1 - Gamma_G)/lambda; with gen.approx, eps* is certified by cell bounds on [0, eta], and matching (eps* = eta) is optimal from n0, the least n with 2 Gamma_n(eta) <= lambda eta + 2 Gamma_G,n',
    constants: ['2 (Gamma_1 - Gamma_G)/lambda'],
    proofSketch:
      'On [eta, oo) the approximation term vanishes and Gamma is non-decreasing, so E is too (fact 1). The additive E is piecewise linear with slopes 3 lambda then -lambda, so its minimum is at 0 or eta (fact 2). Every branch of Gamma is non-decreasing in eps, so on a cell [a, b] E >= lambda (eta - b) + 2 min(Gamma_scale(a), Gamma_G + 2 lambda a, Gamma_1); cells whose bound exceeds E at an evaluated point hold no minimiser.',
    uses: ['tradeoff.excess', 'gen.approx', 'gen.approx.additive'],
  },
  'sample.size': {
    section: '5',
    topic: 'tradeoff-optimal',
    title: 'Sample size for a target bound',
    hypotheses: [lipLoss, iid],
    statement: 'n_G(tau) := min { n : Gamma_G,n <= tau }, n_1(tau) likewise, and the ratio n_1/n_G at equal bound; also min { n : min_eps E_n(eps) <= tau }',
    constants: ['tau'],
    proofSketch: 'Gamma_n is non-increasing in n (for every alpha the Dudley objective is, and so is the confidence term), so the least n is found by galloping and bisection; the bound at n - 1 and n is shown.',
    uses: ['gen.exact', 'tradeoff.optimal'],
  },
};

export const registry: Readonly<Record<TheoremId, TheoremSpec>> = Object.freeze(
  Object.fromEntries(theoremIds.map((id) => [id, Object.freeze({ id, source: SOURCE, ...specs[id] })])) as Record<TheoremId, TheoremSpec>,
);

export function isTheoremId(id: string): id is TheoremId {
  return (theoremIds as readonly string[]).includes(id);
}
