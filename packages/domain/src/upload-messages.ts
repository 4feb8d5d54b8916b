import { IMAGE_LIMITS, UPLOAD_LIMITS, type Locale, type UploadContentType } from '@mekendesh/contracts';

type Text = Readonly<Record<Locale, string>>;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const megapixels = IMAGE_LIMITS.maxPixels / 1_000_000;

const isPhoto = (type: UploadContentType) => type.startsWith('image/');

const CONTENT_DIFFERS: Text = {
  ky: 'Файлдын мазмуну анын түрүнө туура келбейт.',
  ru: 'Содержимое файла не соответствует его типу.',
  en: "The file's content does not match its type.",
};
const NOT_A_PHOTO: Text = {
  ky: 'Бул сүрөт эмес (ичинде башка формат, мисалы PDF). JPEG, PNG же WebP тандаңыз.',
  ru: 'Это не фото (внутри другой формат, например PDF). Выберите JPEG, PNG или WebP.',
  en: 'This is not a photo (the file inside is another format, such as PDF). Choose a JPEG, PNG or WebP file.',
};
const NOT_A_PDF: Text = {
  ky: 'Бул PDF эмес. Сүрөттөрдү жогорудагы «Сүрөт» талаасына жүктөңүз.',
  ru: 'Это не PDF. Фото загружайте в поле «Фото» выше.',
  en: 'This is not a PDF. Upload photos in the “Photo” field above.',
};

/** What uploads answer people, in Kyrgyz, Russian and English (the API picks the caller's language). */
export const UPLOAD_MESSAGES = {
  typeNotAllowed: {
    ky: 'JPEG, PNG же WebP сүрөттөрүн жана PDF документтерин гана жүктөөгө болот.',
    ru: 'Можно загрузить только фото JPEG, PNG или WebP и документы PDF.',
    en: 'Only JPEG, PNG or WebP photos and PDF documents can be uploaded.',
  },
  /** Over the limit of its type (UPLOAD_LIMITS: photos 5 MB, PDFs 10 MB), worded as a new user's review asked (issue 14). */
  tooLarge: (type: UploadContentType): Text => {
    const limit = mb(UPLOAD_LIMITS[type]);
    return isPhoto(type)
      ? {
          ky: `Файл өтө чоң: сүрөт ${limit} МБдан ашпашы керек. Кичирейтип, кайра жүктөңүз.`,
          ru: `Файл слишком большой: фото — не больше ${limit} МБ. Уменьшите его и загрузите снова.`,
          en: `The file is too big: photos can be up to ${limit} MB. Make it smaller and upload it again.`,
        }
      : {
          ky: `Файл өтө чоң: документ ${limit} МБдан ашпашы керек. Кичирейтип, кайра жүктөңүз.`,
          ru: `Файл слишком большой: документ — не больше ${limit} МБ. Уменьшите его и загрузите снова.`,
          en: `The file is too big: documents can be up to ${limit} MB. Make it smaller and upload it again.`,
        };
  },
  /**
   * What was sent is not what the form asked for (declared type or bytes): said per form, as the person chose the wrong
   * file, not a wrong "type" (issue 14 review): the photo form names the photo formats, the PDF form points to the photo field.
   * `found`: the type the bytes or the upload declare, when known; a photo of another image format keeps the plain wording.
   */
  wrongContent: (expected: UploadContentType, found?: string): Text =>
    isPhoto(expected) ? (found?.startsWith('image/') ? CONTENT_DIFFERS : NOT_A_PHOTO) : NOT_A_PDF,
  nothingUploaded: {
    ky: 'Бул ачкыч менен эч нерсе жүктөлгөн жок же жүктөө мөөнөтү бүттү.',
    ru: 'По этому ключу ничего не загружено, или срок загрузки истёк.',
    en: 'Nothing was uploaded under this key, or the upload expired.',
  },
  notAnUploadKey: { ky: 'Бул жүктөө ачкычы эмес.', ru: 'Это не ключ загрузки.', en: 'This is not an upload key.' },
  notOwnPath: {
    ky: 'Жүктөөдөн кийин ушул долбоордун жүктөө барагына гана кайтууга болот.',
    ru: 'После загрузки можно вернуться только на страницу загрузки этого проекта.',
    en: "After the upload, the browser can only return to this project's upload page.",
  },
  notFromForm: {
    ky: 'Бул жүктөөнүн шилтемеси жараксыз же мөөнөтү бүткөн; файлды долбоордун барагынан кайра жүктөңүз.',
    ru: 'Ссылка этой загрузки недействительна или устарела; загрузите файл снова со страницы проекта.',
    en: "This upload's return link is not valid or has expired; upload the file again from the project page.",
  },
  typeDiffers: {
    ky: 'Файл суралгандан башка түр менен жөнөтүлдү.',
    ru: 'Файл отправлен с другим типом, чем был запрошен.',
    en: 'The file was sent with another type than the one asked for.',
  },
  contentDiffers: CONTENT_DIFFERS,
  imageUnreadable: {
    ky: 'Сүрөт окулбайт: файл бузулган же JPEG, PNG, WebP сүрөтү эмес.',
    ru: 'Фото не читается: файл повреждён или это не изображение JPEG, PNG или WebP.',
    en: 'The photo cannot be read: the file is damaged or not a JPEG, PNG or WebP image.',
  },
  imageTooManyPixels: (width: number, height: number): Text => ({
    ky: `Сүрөт ${width}×${height} пиксель; ${megapixels} мегапикселден жана ар бир тарабы ${IMAGE_LIMITS.maxSide} пикселден ашпаган сүрөт кабыл алынат.`,
    ru: `Фото размером ${width}×${height} пикселей; принимаются фото не больше ${megapixels} мегапикселей и не больше ${IMAGE_LIMITS.maxSide} пикселей по каждой стороне.`,
    en: `The photo is ${width}×${height} pixels; photos of at most ${megapixels} megapixels and ${IMAGE_LIMITS.maxSide} pixels on either side are accepted.`,
  }),
  imageUndecodable: {
    ky: 'Сүрөттү окуу мүмкүн эмес: файл бузулган же толук жүктөлгөн эмес.',
    ru: 'Изображение не удаётся прочитать: файл повреждён или загружен не полностью.',
    en: "The photo's pixels cannot be read: the file is damaged or incomplete.",
  },
  noImageLibrary: {
    ky: 'Бул жерде сүрөт кабыл алынбайт: сүрөт иштетүүчү китепкана жок, ал эми иштетилбеген сүрөттөр көрсөтүлбөйт.',
    ru: 'Здесь фото не принимаются: нет библиотеки обработки изображений, а необработанные фото не показываются.',
    en: 'Photos cannot be taken here: the image library is missing, and photos are never served unprocessed.',
  },
  stillProcessing: {
    ky: 'Файл дагы эле текшерилип жатат. Бир аздан кийин кайра аракет кылыңыз.',
    ru: 'Файл ещё обрабатывается. Попробуйте ещё раз через минуту.',
    en: 'The file is still being processed. Try again in a moment.',
  },
  noStorage: {
    ky: 'Бул жерде файл сактагыч жөндөлгөн эмес.',
    ru: 'Хранилище файлов здесь не настроено.',
    en: 'File storage is not configured here.',
  },
  notEditable: {
    ky: 'Бул абалдагы долбоорго файл кошууга болбойт.',
    ru: 'В проект в этом статусе нельзя добавлять файлы.',
    en: 'Files cannot be added to a project in this status.',
  },
  tooManyFiles: (max: number): Text => ({
    ky: `Долбоордо эң көп ${max} файл болот.`,
    ru: `В проекте может быть не больше ${max} файлов.`,
    en: `A project has at most ${max} files.`,
  }),
  tooManyReportFiles: (max: number): Text => ({
    ky: `Долбоордун отчеттору жана чыгымдары үчүн эң көп ${max} файл жүктөлөт.`,
    ru: `Для отчётов и расходов проекта можно загрузить не больше ${max} файлов.`,
    en: `A project's reports and disbursements take at most ${max} files.`,
  }),
} as const;
