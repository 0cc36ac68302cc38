// Maps shared by the end-to-end tests.

/** A waste-reduction partnership in Jakarta: five stakeholders of five kinds, two
 * sectors, and three links (one-way funding, a conflict, a service). */
export const jakarta = {
  format: 'simpul-map', version: 1, title: 'Jakarta Bersih',
  sectors: [{ id: 'env', name: 'Lingkungan' }, { id: 'edu', name: 'Pendidikan' }],
  stakeholders: [
    { id: 'dlh', name: 'Dinas Lingkungan Hidup', kind: 'government', sectors: ['env'], power: 5, interest: 4 },
    { id: 'bank-sampah', name: 'Bank Sampah Melati', kind: 'community', sectors: ['env'], power: 1, interest: 5 },
    { id: 'pabrik', name: 'Pabrik Plastik', kind: 'business', power: 4, interest: 2, stance: -2 },
    { id: 'sekolah', name: 'SD Negeri 1', kind: 'academia', sectors: ['edu'], power: 2, interest: 3 },
    { id: 'lsm', name: 'LSM Hijau', kind: 'ngo', power: 3, interest: 4 },
  ],
  links: [
    { id: 'l1', from: 'dlh', to: 'bank-sampah', kind: 'funding', directed: true, strength: 2 },
    { id: 'l2', from: 'lsm', to: 'dlh', kind: 'conflict' },
    { id: 'l3', from: 'lsm', to: 'bank-sampah', kind: 'service' },
  ],
};
