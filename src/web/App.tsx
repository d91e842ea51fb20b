import { useQueryClient } from '@tanstack/react-query';
import { lazy, useEffect, type ReactNode } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { Action } from '../shared/access/roles.ts';
import { setAuthProblemHandler } from './api/client.ts';
import { RequireAuth, RequirePermission } from './auth/guards.tsx';
import { forgetSession, ME_KEY, useMe } from './auth/session.ts';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './components/States.tsx';
import { loadCockpitStrings, loadSalesStrings, loadTrainingStrings, loadWbpStrings, loadWorkStrings } from './i18n/index.ts';

// Every page is its own chunk: the first load carries only the shell. Pages live by area
// (src/web/areas/<area>/, see areas/README.md), as the server's modules do.
const LoginPage = lazy(() => import('./areas/auth/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('./areas/auth/ChangePasswordPage.tsx'));
const HomePage = lazy(() => import('./areas/home/HomePage.tsx'));
const KanwilListPage = lazy(() => import('./areas/org/KanwilListPage.tsx'));
const KanwilDetailPage = lazy(() => import('./areas/org/KanwilDetailPage.tsx'));
const UptListPage = lazy(() => import('./areas/org/UptListPage.tsx'));
const UptDetailPage = lazy(() => import('./areas/org/UptDetailPage.tsx'));
const UptCreatePage = lazy(() => import('./areas/org/UptCreatePage.tsx'));
const UsersPage = lazy(() => import('./areas/users/UsersPage.tsx'));
const UserCreatePage = lazy(() => import('./areas/users/UserCreatePage.tsx'));
const UserDetailPage = lazy(() => import('./areas/users/UserDetailPage.tsx'));
const AuditPage = lazy(() => import('./areas/audit/AuditPage.tsx'));
const AccountPage = lazy(() => import('./areas/account/AccountPage.tsx'));
/** A page of the WBP areas: its code and the areas' strings arrive together. */
function wbpPage<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), loadWbpStrings()]).then(([m]) => m);
}
/** A page of the "Kerja & Produksi" areas, with their strings. */
function workPage<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), loadWorkStrings()]).then(([m]) => m);
}
/** A page of the "Penjualan & PNBP" areas, with their strings. */
function salesPage<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), loadSalesStrings(), loadWorkStrings()]).then(([m]) => m);
}
/** A page of the "Pelatihan & Kemitraan" areas, with their strings. */
function trainingPage<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), loadTrainingStrings()]).then(([m]) => m);
}
/** A page of the cockpit areas (dashboards, map, targets, monthly reports), with their strings. */
function cockpitPage<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), loadCockpitStrings()]).then(([m]) => m);
}
const CockpitPage = lazy(() => cockpitPage(() => import('./areas/cockpit/CockpitPage.tsx')));
const IndicatorPage = lazy(() => cockpitPage(() => import('./areas/cockpit/IndicatorPage.tsx')));
const MapPage = lazy(() => cockpitPage(() => import('./areas/cockpit/MapPage.tsx')));
const OccupancyPage = lazy(() => cockpitPage(() => import('./areas/cockpit/OccupancyPage.tsx')));
const TargetsPage = lazy(() => cockpitPage(() => import('./areas/targets/TargetsPage.tsx')));
const ReportsPage = lazy(() => cockpitPage(() => import('./areas/reports/ReportsPage.tsx')));
const ReportPage = lazy(() => cockpitPage(() => import('./areas/reports/ReportPage.tsx')));
const WbpListPage = lazy(() => wbpPage(() => import('./areas/wbp/WbpListPage.tsx')));
const WbpCreatePage = lazy(() => wbpPage(() => import('./areas/wbp/WbpCreatePage.tsx')));
// The inmate page also shows "Kerja & premi", with the work areas' strings.
const WbpDetailPage = lazy(() => wbpPage(() => workPage(() => import('./areas/wbp/WbpDetailPage.tsx'))));
const OverstayPage = lazy(() => wbpPage(() => import('./areas/overstay/OverstayPage.tsx')));
const ReleasesPage = lazy(() => wbpPage(() => import('./areas/overstay/ReleasesPage.tsx')));
const RemissionRunsPage = lazy(() => wbpPage(() => import('./areas/remission/RemissionRunsPage.tsx')));
const RemissionRunPage = lazy(() => wbpPage(() => import('./areas/remission/RemissionRunPage.tsx')));
const ImportPage = lazy(() => wbpPage(() => import('./areas/imports/ImportPage.tsx')));
const CalculatorPage = lazy(() => wbpPage(() => import('./areas/calculator/CalculatorPage.tsx')));
const HolidaysPage = lazy(() => wbpPage(() => import('./areas/holidays/HolidaysPage.tsx')));
const WorkDashboardPage = lazy(() => workPage(() => import('./areas/work/WorkDashboardPage.tsx')));
const ActivitiesPage = lazy(() => workPage(() => import('./areas/work/ActivitiesPage.tsx')));
const ActivityCreatePage = lazy(() => workPage(() => import('./areas/work/ActivityCreatePage.tsx')));
const ActivityDetailPage = lazy(() => workPage(() => import('./areas/work/ActivityDetailPage.tsx')));
const AllocatePage = lazy(() => workPage(() => import('./areas/work/AllocatePage.tsx')));
const AttendancePage = lazy(() => workPage(() => import('./areas/work/AttendancePage.tsx')));
const PremiPage = lazy(() => workPage(() => import('./areas/premi/PremiPage.tsx')));
const FoodPage = lazy(() => workPage(() => import('./areas/food/FoodPage.tsx')));
const ProductionPage = lazy(() => workPage(() => import('./areas/production/ProductionPage.tsx')));
const ProductsPage = lazy(() => workPage(() => import('./areas/production/ProductsPage.tsx')));
const ProductDetailPage = lazy(() => workPage(() => import('./areas/production/ProductDetailPage.tsx')));
const StockPage = lazy(() => workPage(() => import('./areas/production/StockPage.tsx')));
const BatchCreatePage = lazy(() => workPage(() => import('./areas/production/BatchCreatePage.tsx')));
const BatchDetailPage = lazy(() => workPage(() => import('./areas/production/BatchDetailPage.tsx')));
const SalesPage = lazy(() => salesPage(() => import('./areas/sales/SalesPage.tsx')));
const SaleFormPage = lazy(() => salesPage(() => import('./areas/sales/SaleFormPage.tsx')));
const SaleDetailPage = lazy(() => salesPage(() => import('./areas/sales/SaleDetailPage.tsx')));
const SplitPage = lazy(() => salesPage(() => import('./areas/sales/SplitPage.tsx')));
const PnbpPage = lazy(() => salesPage(() => import('./areas/pnbp/PnbpPage.tsx')));
const PnbpReconciliationPage = lazy(() => salesPage(() => import('./areas/pnbp/ReconciliationPage.tsx')));
const PnbpRollupPage = lazy(() => salesPage(() => import('./areas/pnbp/RollupPage.tsx')));
const ListingsPage = lazy(() => workPage(() => import('./areas/catalogue/ListingsPage.tsx')));
const RequestsPage = lazy(() => workPage(() => import('./areas/catalogue/RequestsPage.tsx')));
const RequestDetailPage = lazy(() => salesPage(() => import('./areas/catalogue/RequestDetailPage.tsx')));
// Training pages use a few shared work labels (name, register no.), so they carry both catalogs.
const TrainingPage = lazy(() => trainingPage(() => workPage(() => import('./areas/training/TrainingPage.tsx'))));
const ProgrammeCreatePage = lazy(() => trainingPage(() => import('./areas/training/ProgrammeCreatePage.tsx')));
const ProgrammeDetailPage = lazy(() => trainingPage(() => workPage(() => import('./areas/training/ProgrammeDetailPage.tsx'))));
const PartnersPage = lazy(() => trainingPage(() => import('./areas/partners/PartnersPage.tsx')));
const PartnerCreatePage = lazy(() => trainingPage(() => import('./areas/partners/PartnerCreatePage.tsx')));
const PartnerDetailPage = lazy(() => trainingPage(() => import('./areas/partners/PartnerDetailPage.tsx')));
const AgreementsPage = lazy(() => trainingPage(() => import('./areas/partners/AgreementsPage.tsx')));

const need = (action: Action, page: ReactNode) => <RequirePermission action={action}>{page}</RequirePermission>;

/** Sends the user to sign in (or to change the password) when the API says so. */
function AuthRedirects() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  useEffect(() => {
    setAuthProblemHandler((reason) => {
      if (reason === 'unauthenticated') {
        forgetSession(qc);
        if (!location.pathname.startsWith('/masuk')) {
          navigate('/masuk', { replace: true, state: { from: location.pathname + location.search } });
        }
      } else {
        void qc.invalidateQueries({ queryKey: ME_KEY });
        navigate('/ganti-sandi', { replace: true });
      }
    });
  }, [navigate, location, qc]);
  return null;
}

/** The password page is bare (no navigation) while the change is forced. */
function PasswordLayout() {
  const { data: me } = useMe();
  return <Layout bare={!me || me.mustChangePassword} />;
}

export function App() {
  return (
    <>
      <AuthRedirects />
      <Routes>
        <Route element={<Layout bare />}>
          <Route path="/masuk" element={<LoginPage />} />
        </Route>
        <Route
          element={
            <RequireAuth>
              <PasswordLayout />
            </RequireAuth>
          }
        >
          <Route path="/ganti-sandi" element={<ChangePasswordPage />} />
        </Route>
        <Route
          element={
            <RequireAuth>
              <Layout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="/organisasi" element={need('org.read', <KanwilListPage />)} />
          <Route path="/organisasi/kanwil/:id" element={need('org.read', <KanwilDetailPage />)} />
          <Route path="/organisasi/upt" element={need('org.read', <UptListPage />)} />
          <Route path="/organisasi/upt/baru" element={need('org.write', <UptCreatePage />)} />
          <Route path="/organisasi/upt/:id" element={need('org.read', <UptDetailPage />)} />
          <Route path="/wbp" element={need('wbp.read', <WbpListPage />)} />
          <Route path="/wbp/baru" element={need('wbp.write', <WbpCreatePage />)} />
          <Route path="/wbp/:id" element={need('wbp.read', <WbpDetailPage />)} />
          <Route path="/overstay" element={need('wbp.read', <OverstayPage />)} />
          <Route path="/overstay/akan-bebas" element={need('wbp.read', <ReleasesPage />)} />
          <Route path="/remisi" element={need('wbp.read', <RemissionRunsPage />)} />
          <Route path="/remisi/:id" element={need('wbp.read', <RemissionRunPage />)} />
          <Route path="/impor" element={need('wbp.import', <ImportPage />)} />
          <Route path="/kalkulator" element={need('calculation.run', <CalculatorPage />)} />
          <Route path="/hari-raya" element={need('calculation.run', <HolidaysPage />)} />
          <Route path="/kerja" element={need('work.read', <WorkDashboardPage />)} />
          <Route path="/kerja/kegiatan" element={need('work.read', <ActivitiesPage />)} />
          <Route path="/kerja/kegiatan/baru" element={need('work.write', <ActivityCreatePage />)} />
          <Route path="/kerja/kegiatan/:id" element={need('work.read', <ActivityDetailPage />)} />
          <Route path="/kerja/kegiatan/:id/tempatkan" element={need('work.write', <AllocatePage />)} />
          <Route path="/kerja/kegiatan/:id/absensi" element={need('work.read', <AttendancePage />)} />
          <Route path="/premi/:wbpId" element={need('work.read', <PremiPage />)} />
          <Route path="/pangan" element={need('work.read', <FoodPage />)} />
          <Route path="/produksi" element={need('work.read', <ProductionPage />)} />
          <Route path="/produksi/produk" element={need('work.read', <ProductsPage />)} />
          <Route path="/produksi/produk/:id" element={need('work.read', <ProductDetailPage />)} />
          <Route path="/produksi/stok" element={need('work.read', <StockPage />)} />
          <Route path="/produksi/batch/baru" element={need('work.write', <BatchCreatePage />)} />
          <Route path="/produksi/batch/:id" element={need('work.read', <BatchDetailPage />)} />
          <Route path="/penjualan" element={need('sales.read', <SalesPage />)} />
          <Route path="/penjualan/baru" element={need('sales.write', <SaleFormPage />)} />
          <Route path="/penjualan/bagi-hasil" element={need('sales.read', <SplitPage />)} />
          <Route path="/penjualan/:id" element={need('sales.read', <SaleDetailPage />)} />
          <Route path="/pnbp" element={need('pnbp.read', <PnbpPage />)} />
          <Route path="/pnbp/rekonsiliasi" element={need('pnbp.read', <PnbpReconciliationPage />)} />
          <Route path="/pnbp/rekap" element={need('pnbp.read', <PnbpRollupPage />)} />
          <Route path="/katalog-upt" element={need('sales.read', <ListingsPage />)} />
          <Route path="/permintaan" element={need('sales.read', <RequestsPage />)} />
          <Route path="/permintaan/:id" element={need('sales.read', <RequestDetailPage />)} />
          <Route path="/pelatihan" element={need('training.read', <TrainingPage />)} />
          <Route path="/pelatihan/baru" element={need('training.write', <ProgrammeCreatePage />)} />
          <Route path="/pelatihan/:id" element={need('training.read', <ProgrammeDetailPage />)} />
          <Route path="/mitra" element={need('partner.read', <PartnersPage />)} />
          <Route path="/mitra/baru" element={need('partner.write', <PartnerCreatePage />)} />
          <Route path="/mitra/perjanjian" element={need('partner.read', <AgreementsPage />)} />
          <Route path="/mitra/:id" element={need('partner.read', <PartnerDetailPage />)} />
          <Route path="/capaian" element={need('indicator.read', <CockpitPage />)} />
          <Route path="/capaian/indikator/:id" element={need('indicator.read', <IndicatorPage />)} />
          <Route path="/capaian/peta" element={need('indicator.read', <MapPage />)} />
          <Route path="/capaian/hunian" element={need('indicator.read', <OccupancyPage />)} />
          <Route path="/target" element={need('indicator.read', <TargetsPage />)} />
          <Route path="/laporan" element={need('indicator.read', <ReportsPage />)} />
          <Route path="/laporan/:id" element={need('indicator.read', <ReportPage />)} />
          <Route path="/pengguna" element={need('user.read', <UsersPage />)} />
          <Route path="/pengguna/baru" element={need('user.manage', <UserCreatePage />)} />
          <Route path="/pengguna/:id" element={need('user.read', <UserDetailPage />)} />
          <Route path="/audit" element={need('audit.read', <AuditPage />)} />
          <Route path="/akun" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
