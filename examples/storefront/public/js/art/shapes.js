/**
 * Flat product illustrations, one per kind of item, drawn on a 200×200 canvas.
 * `c` is the product colour, `d` a darker shade for seams and soles, `l` a lighter one.
 * Hand-drawn paths so the shop needs no image files and no network.
 */
export const SHAPES = {
  jacket: ({ c, d, l }) => `
    <path d="M70 42 L100 52 L130 42 L160 58 L178 120 L160 126 L150 92 L150 166 L50 166 L50 92 L40 126 L22 120 L40 58 Z" fill="${c}"/>
    <path d="M86 44 L100 62 L114 44 L100 36 Z" fill="${d}"/>
    <line x1="100" y1="62" x2="100" y2="166" stroke="${d}" stroke-width="3"/>
    <rect x="62" y="110" width="24" height="4" rx="2" fill="${l}"/><rect x="114" y="110" width="24" height="4" rx="2" fill="${l}"/>`,
  parka: ({ c, d, l }) => `
    <path d="M70 46 Q100 20 130 46 L162 62 L178 126 L158 132 L150 98 L152 170 L48 170 L50 98 L42 132 L22 126 L38 62 Z" fill="${c}"/>
    <path d="M78 48 Q100 28 122 48 Q100 62 78 48 Z" fill="${d}"/>
    ${[84, 106, 128, 150].map((y) => `<path d="M50 ${y} Q100 ${y + 8} 150 ${y}" stroke="${d}" stroke-width="2.5" fill="none"/>`).join('')}
    <line x1="100" y1="58" x2="100" y2="170" stroke="${l}" stroke-width="3"/>`,
  vest: ({ c, d }) => `
    <path d="M68 40 L100 54 L132 40 L146 60 L152 168 L48 168 L54 60 Z" fill="${c}"/>
    <path d="M68 40 L54 60 Q66 80 62 100 L48 100 L54 60 Z M132 40 L146 60 L152 100 L138 100 Q134 80 146 60 Z" fill="${d}" opacity=".55"/>
    ${[88, 114, 140].map((y) => `<path d="M50 ${y} Q100 ${y + 6} 150 ${y}" stroke="${d}" stroke-width="2.5" fill="none"/>`).join('')}
    <line x1="100" y1="54" x2="100" y2="168" stroke="${d}" stroke-width="3"/>`,
  pack: ({ c, d, l }) => `
    <rect x="52" y="40" width="96" height="132" rx="26" fill="${c}"/>
    <path d="M52 66 Q52 36 100 34 Q148 36 148 66 L148 78 L52 78 Z" fill="${d}"/>
    <rect x="66" y="104" width="68" height="52" rx="12" fill="${d}" opacity=".6"/>
    <line x1="72" y1="116" x2="128" y2="116" stroke="${l}" stroke-width="3" stroke-linecap="round"/>
    <rect x="92" y="22" width="16" height="16" rx="6" fill="none" stroke="${d}" stroke-width="4"/>`,
  hippack: ({ c, d, l }) => `
    <path d="M20 96 Q100 82 180 96" stroke="${d}" stroke-width="8" fill="none" stroke-linecap="round"/>
    <path d="M46 96 Q100 80 154 96 Q160 140 100 148 Q40 140 46 96 Z" fill="${c}"/>
    <path d="M56 108 Q100 98 144 108" stroke="${l}" stroke-width="3" fill="none"/>
    <rect x="134" y="104" width="10" height="14" rx="3" fill="${d}"/>`,
  duffel: ({ c, d, l }) => `
    <path d="M72 78 Q100 40 128 78" stroke="${d}" stroke-width="8" fill="none" stroke-linecap="round"/>
    <rect x="26" y="76" width="148" height="82" rx="40" fill="${c}"/>
    <line x1="44" y1="86" x2="156" y2="86" stroke="${l}" stroke-width="3" stroke-dasharray="6 4"/>
    <ellipse cx="38" cy="117" rx="10" ry="36" fill="${d}" opacity=".5"/><ellipse cx="162" cy="117" rx="10" ry="36" fill="${d}" opacity=".5"/>`,
  shoe: ({ c, d, l }) => `
    <path d="M28 128 L30 96 Q44 92 58 84 L92 100 Q120 110 150 114 Q176 118 176 138 L28 138 Z" fill="${c}"/>
    <path d="M26 138 L178 138 Q178 152 164 152 L36 152 Q26 152 26 138 Z" fill="${d}"/>
    ${[0, 1, 2].map((i) => `<line x1="${66 + i * 12}" y1="${94 + i * 5}" x2="${78 + i * 12}" y2="${88 + i * 5}" stroke="${l}" stroke-width="3" stroke-linecap="round"/>`).join('')}`,
  boot: ({ c, d, l }) => `
    <path d="M44 40 L92 40 L96 96 Q124 106 154 112 Q178 118 178 140 L40 140 Z" fill="${c}"/>
    <path d="M38 140 L180 140 Q180 156 166 156 L48 156 Q38 156 38 140 Z" fill="${d}"/>
    ${[0, 1, 2, 3].map((i) => `<line x1="80" y1="${54 + i * 14}" x2="100" y2="${54 + i * 14}" stroke="${l}" stroke-width="3" stroke-linecap="round"/>`).join('')}
    <rect x="44" y="40" width="48" height="10" rx="3" fill="${d}" opacity=".6"/>`,
  sandal: ({ c, d, l }) => `
    <path d="M30 136 Q30 118 60 116 L160 118 Q180 120 178 136 Q176 150 160 150 L48 150 Q30 150 30 136 Z" fill="${d}"/>
    <path d="M60 118 Q70 84 96 84 Q120 84 128 118" stroke="${c}" stroke-width="12" fill="none"/>
    <path d="M130 118 Q140 96 160 104" stroke="${c}" stroke-width="10" fill="none"/>
    <rect x="90" y="80" width="14" height="10" rx="2" fill="${l}"/>`,
  tent: ({ c, d, l }) => `
    <path d="M20 162 L100 44 L180 162 Z" fill="${c}"/>
    <path d="M100 44 L128 162 L72 162 Z" fill="${d}"/>
    <path d="M100 78 L118 162 L82 162 Z" fill="${l}" opacity=".35"/>
    <line x1="10" y1="164" x2="190" y2="164" stroke="${d}" stroke-width="4" stroke-linecap="round"/>`,
  sleepingbag: ({ c, d, l }) => `
    <path d="M60 30 Q100 16 140 30 Q150 100 132 172 L68 172 Q50 100 60 30 Z" fill="${c}"/>
    <ellipse cx="100" cy="44" rx="26" ry="14" fill="${d}"/>
    ${[78, 106, 134].map((y) => `<path d="M60 ${y} Q100 ${y + 8} 140 ${y}" stroke="${d}" stroke-width="2.5" fill="none"/>`).join('')}
    <line x1="120" y1="58" x2="126" y2="168" stroke="${l}" stroke-width="3"/>`,
  stove: ({ c, d, l }) => `
    <rect x="52" y="70" width="96" height="64" rx="10" fill="${c}"/>
    <rect x="44" y="62" width="112" height="12" rx="6" fill="${d}"/>
    <path d="M148 86 L176 78" stroke="${d}" stroke-width="6" stroke-linecap="round"/>
    <path d="M70 152 L100 134 L130 152" stroke="${d}" stroke-width="6" fill="none" stroke-linecap="round"/>
    <path d="M84 48 Q90 36 84 26 M100 48 Q106 36 100 26 M116 48 Q122 36 116 26" stroke="${l}" stroke-width="3" fill="none" stroke-linecap="round"/>`,
  chair: ({ c, d }) => `
    <path d="M56 40 L144 40 L138 110 L62 110 Z" fill="${c}"/>
    <path d="M50 110 L150 110 L142 130 L58 130 Z" fill="${c}"/>
    <path d="M60 130 L140 172 M140 130 L60 172" stroke="${d}" stroke-width="6" stroke-linecap="round"/>
    <line x1="56" y1="40" x2="62" y2="130" stroke="${d}" stroke-width="5"/><line x1="144" y1="40" x2="138" y2="130" stroke="${d}" stroke-width="5"/>`,
  lantern: ({ c, d, l }) => `
    <path d="M80 36 Q100 16 120 36" stroke="${d}" stroke-width="5" fill="none"/>
    <rect x="70" y="36" width="60" height="16" rx="6" fill="${c}"/>
    <rect x="76" y="52" width="48" height="88" rx="8" fill="${l}" opacity=".9"/>
    <ellipse cx="100" cy="96" rx="14" ry="22" fill="#ffe59a"/>
    <rect x="66" y="140" width="68" height="20" rx="6" fill="${c}"/>`,
  tee: ({ c, d }) => `
    <path d="M72 40 Q100 56 128 40 L170 62 L156 96 L138 88 L138 168 L62 168 L62 88 L44 96 L30 62 Z" fill="${c}"/>
    <path d="M80 42 Q100 58 120 42" stroke="${d}" stroke-width="4" fill="none"/>`,
  hoodie: ({ c, d, l }) => `
    <path d="M70 48 Q100 12 130 48 L166 66 L178 132 L158 136 L150 98 L150 170 L50 170 L50 98 L42 136 L22 132 L34 66 Z" fill="${c}"/>
    <path d="M80 50 Q100 26 120 50 Q100 66 80 50 Z" fill="${d}"/>
    <rect x="74" y="120" width="52" height="30" rx="8" fill="${d}" opacity=".5"/>
    <line x1="94" y1="62" x2="92" y2="84" stroke="${l}" stroke-width="2.5"/><line x1="106" y1="62" x2="108" y2="84" stroke="${l}" stroke-width="2.5"/>`,
  pants: ({ c, d }) => `
    <path d="M64 30 L136 30 L146 172 L110 172 L100 76 L90 172 L54 172 Z" fill="${c}"/>
    <rect x="64" y="30" width="72" height="12" fill="${d}"/>
    <path d="M72 52 Q80 62 92 54 M128 52 Q120 62 108 54" stroke="${d}" stroke-width="3" fill="none"/>`,
  bottle: ({ c, d, l }) => `
    <rect x="82" y="22" width="36" height="22" rx="6" fill="${d}"/>
    <path d="M78 44 L122 44 Q134 52 134 70 L134 164 Q134 176 122 176 L78 176 Q66 176 66 164 L66 70 Q66 52 78 44 Z" fill="${c}"/>
    <rect x="74" y="72" width="8" height="88" rx="4" fill="${l}" opacity=".5"/>`,
  headlamp: ({ c, d, l }) => `
    <ellipse cx="100" cy="104" rx="72" ry="40" fill="none" stroke="${d}" stroke-width="12"/>
    <rect x="70" y="108" width="60" height="44" rx="12" fill="${c}"/>
    <circle cx="100" cy="130" r="14" fill="${l}"/><circle cx="100" cy="130" r="7" fill="#ffe59a"/>`,
  beanie: ({ c, d, l }) => `
    <path d="M40 130 Q40 48 100 46 Q160 48 160 130 Z" fill="${c}"/>
    <rect x="34" y="122" width="132" height="34" rx="10" fill="${d}"/>
    ${[56, 78, 100, 122, 144].map((x) => `<line x1="${x}" y1="126" x2="${x}" y2="152" stroke="${l}" stroke-width="2" opacity=".5"/>`).join('')}
    <circle cx="100" cy="40" r="14" fill="${l}"/>`,
  poles: ({ c, d }) => `
    <line x1="76" y1="30" x2="64" y2="176" stroke="${c}" stroke-width="7" stroke-linecap="round"/>
    <line x1="124" y1="30" x2="136" y2="176" stroke="${c}" stroke-width="7" stroke-linecap="round"/>
    <rect x="66" y="26" width="18" height="36" rx="6" fill="${d}"/><rect x="116" y="26" width="18" height="36" rx="6" fill="${d}"/>
    <ellipse cx="65" cy="160" rx="12" ry="4" fill="${d}"/><ellipse cx="135" cy="160" rx="12" ry="4" fill="${d}"/>`,
  socks: ({ c, d, l }) => `
    <path d="M70 30 L120 30 L120 120 Q120 126 126 130 L156 148 Q170 158 160 170 Q152 178 138 172 L80 144 Q70 138 70 126 Z" fill="${c}"/>
    <rect x="70" y="30" width="50" height="22" fill="${d}"/>
    <path d="M138 150 Q150 156 160 170" stroke="${l}" stroke-width="8" fill="none" opacity=".6"/>`,
};
